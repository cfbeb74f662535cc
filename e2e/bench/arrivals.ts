/**
 * When each order event was first heard by one side (the kitchen, or the customers), by order and
 * seq, so that a waiter can ask for one that arrived before it asked.
 */
export class Arrivals {
  private readonly heard = new Map<string, number>();
  private readonly waiting = new Map<string, ((at: number) => void)[]>();

  private static key(orderId: string, seq: number): string {
    return `${orderId}:${seq}`;
  }

  note(orderId: string, seq: number): void {
    const key = Arrivals.key(orderId, seq);
    if (this.heard.has(key)) return;
    const at = performance.now();
    this.heard.set(key, at);
    for (const resolve of this.waiting.get(key) ?? []) resolve(at);
    this.waiting.delete(key);
  }

  has(orderId: string, seq: number): boolean {
    return this.heard.has(Arrivals.key(orderId, seq));
  }

  /** When it was heard (performance.now()), or null if not within `timeoutMs`. */
  when(orderId: string, seq: number, timeoutMs: number): Promise<number | null> {
    const key = Arrivals.key(orderId, seq);
    const at = this.heard.get(key);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      this.waiting.set(key, [
        ...(this.waiting.get(key) ?? []),
        (heardAt) => {
          clearTimeout(timer);
          resolve(heardAt);
        },
      ]);
    });
  }

  clear(): void {
    this.heard.clear();
  }
}
