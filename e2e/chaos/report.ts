export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return "no samples";
  const f = (n: number) => `${Math.round(n)} ms`;
  return `p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, p99 ${f(percentile(sorted, 99))}, max ${f(sorted.at(-1)!)} (n=${sorted.length})`;
}

export class Checks {
  readonly lines: string[] = [];
  failures = 0;

  check(ok: boolean, what: string): void {
    if (!ok) this.failures++;
    this.lines.push(`${ok ? "ok  " : "FAIL"} ${what}`);
  }

  info(what: string): void {
    this.lines.push(`     ${what}`);
  }
}
