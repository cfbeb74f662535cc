"use client";

/** on: chimes play; waiting: sound was chosen but the browser waits for a tap (after a reload); off. */
export type SoundState = "off" | "waiting" | "on";

let wanted = false;
let context: AudioContext | null = null;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Browsers start an AudioContext only from a user gesture: this is called from one. */
function resumeFromGesture(): Promise<void> {
  if (!context) {
    context = new AudioContext();
    context.addEventListener("statechange", changed);
  }
  return context.resume();
}

/** Turns sound on from a click or tap, with one chime to confirm it. */
export function enableSound(): void {
  wanted = true;
  changed();
  void resumeFromGesture().then(() => chime(1));
}

export function disableSound(): void {
  wanted = false;
  void context?.suspend();
  changed();
}

/** Sound was chosen earlier (before a reload): it plays after the next tap (resumeSound). */
export function restoreSound(): void {
  wanted = true;
  changed();
}

/** Called from any tap while sound waits for one. */
export function resumeSound(): void {
  if (wanted) void resumeFromGesture();
}

export function soundState(): SoundState {
  if (!wanted) return "off";
  return context?.state === "running" ? "on" : "waiting";
}

export function subscribeSound(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A short two-note chime, generated (no sound files to fetch). */
export function chime(times = 2): void {
  // A suspended context would queue chimes and play them all at once when it resumes.
  if (!wanted || context?.state !== "running") return;
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
