"use client";

let context: AudioContext | null = null;

/** Browsers allow sound only after a user gesture: call this from the "Enable sound" click. */
export function enableSound(): void {
  context ??= new AudioContext();
  void context.resume();
  chime(1);
}

export function soundEnabled(): boolean {
  return context !== null;
}

/** A short two-note chime, generated (no sound files to fetch). */
export function chime(times = 2): void {
  if (!context) return;
  for (let i = 0; i < times; i++) {
    for (const [offset, frequency] of [[0, 880], [0.18, 1175]] as const) {
      const start = context.currentTime + i * 0.5 + offset;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.32);
    }
  }
}
