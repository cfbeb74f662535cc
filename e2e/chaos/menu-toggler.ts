import type { ItemAvailabilityRequest, Menu, MenuItem, OrderingRequest } from "@orderly/shared";
import { request, retrying, sleep } from "./http.ts";

const pick = <T>(values: T[]): T => values[Math.floor(Math.random() * values.length)]!;

/**
 * A kitchen changing what customers can order while the faults run, every 1-2 s: sells an item
 * out (until restored, or for a few seconds so the scheduler brings it back) or back, and now and
 * then pauses ordering (resumed at the next change), or sets busy mode's extra minutes. Retries
 * network errors and 5xx like the driver: the same PATCH again changes nothing twice.
 */
export class MenuToggler {
  /** Changes the restaurant accepted (200). */
  toggles = 0;
  /** Answers that were neither 200 nor retried away: each fails the run. */
  readonly errors: string[] = [];

  constructor(
    private readonly webUrl: string,
    private readonly slug: string,
    private readonly kitchenToken: string,
    /** The menu as the last answer showed it. */
    private menu: Menu,
  ) {}

  /** Toggles until `until`, then leaves every item available, ordering open and no extra minutes. */
  async run(until: number, deadline: number): Promise<void> {
    while (Date.now() < until) {
      await sleep(1000 + Math.random() * 1000);
      if (this.menu.ordering.paused) await this.setOrdering({ paused: false }, deadline);
      else if (Math.random() < 0.1) await this.setOrdering({ paused: true, reason: "Chaos in the kitchen" }, deadline);
      else if (Math.random() < 0.1) await this.setOrdering({ extraPrepMinutes: pick([0, 10, 20]) }, deadline);
      else await this.toggleItem(deadline);
    }
    for (const item of this.items().filter((i) => !i.available)) await this.setItem(item, () => ({ available: true }), deadline);
    await this.setOrdering({ paused: false, extraPrepMinutes: 0 }, deadline);
  }

  private items(): MenuItem[] {
    return this.menu.categories.flatMap((c) => c.items);
  }

  /** Brings back a sold-out item half the time, otherwise sells one out: a few are out at any time. */
  private toggleItem(deadline: number): Promise<void> {
    const [soldOut, available] = [this.items().filter((i) => !i.available), this.items().filter((i) => i.available)];
    if (soldOut.length > 0 && (available.length === 0 || Math.random() < 0.5)) return this.setItem(pick(soldOut), () => ({ available: true }), deadline);
    // `until` is computed per attempt: a retry after a fault must still name a time in the future.
    const timed = Math.random() < 0.5;
    return this.setItem(pick(available), () => ({ available: false, ...(timed && { until: new Date(Date.now() + 4000).toISOString() }) }), deadline);
  }

  private setItem(item: MenuItem, body: () => ItemAvailabilityRequest, deadline: number): Promise<void> {
    return this.patch(`menu/${item.id}`, body, deadline);
  }

  private setOrdering(body: OrderingRequest, deadline: number): Promise<void> {
    return this.patch("ordering", () => body, deadline);
  }

  private async patch(path: string, body: () => ItemAvailabilityRequest | OrderingRequest, deadline: number): Promise<void> {
    const url = `${this.webUrl}/api/restaurants/${this.slug}/${path}`;
    const answer = await retrying(() => request(url, { method: "PATCH", body: body(), token: this.kitchenToken }), deadline);
    if (answer.status !== 200) {
      this.errors.push(`PATCH ${this.slug}/${path}: ${answer.status} ${JSON.stringify(answer.body?.error ?? "")}`);
      return;
    }
    this.toggles++;
    this.menu = answer.body as Menu;
  }
}
