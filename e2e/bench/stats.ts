export interface Sample {
  /** When the measured thing started, ms since epoch. */
  at: number;
  ms: number;
}

export interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** The spread of p99 over the step's one-second windows: the run's own noise. */
  p99Min: number;
  p99Max: number;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

export function figures(samples: Sample[]): Figures {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const windows = new Map<number, number[]>();
  for (const s of samples) windows.set(Math.floor(s.at / 1000), [...(windows.get(Math.floor(s.at / 1000)) ?? []), s.ms]);
  const p99s = [...windows.values()].filter((w) => w.length >= 5).map((w) => pct(w.sort((a, b) => a - b), 99));
  return {
    n: sorted.length,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    p99Min: p99s.length ? Math.min(...p99s) : NaN,
    p99Max: p99s.length ? Math.max(...p99s) : NaN,
  };
}

const ms = (n: number) => (Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(1) : Math.round(n).toString());

export function cells(f: Figures): string {
  return `${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.p99Min)}–${ms(f.p99Max)}`;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `tick(i)` `rate` times a second for `seconds`, spreading calls over 10 ms slots. */
export async function paced(rate: number, seconds: number, tick: (count: number) => void): Promise<void> {
  const start = Date.now();
  let sent = 0;
  while (Date.now() - start < seconds * 1000) {
    const due = Math.floor(((Date.now() - start) / 1000) * rate);
    if (due > sent) {
      tick(due - sent);
      sent = due;
    }
    await sleep(10);
  }
}
