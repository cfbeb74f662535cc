import type { RestaurantUpdate } from "../realtime-events.ts";
import type { Menu } from "../restaurant.schema.ts";
import type { ApplyResult } from "./order-feed.ts";

/**
 * A restaurant's menu as a screen shows it, kept from pushed updates by seq as OrderFeed keeps
 * orders: the next seq is applied (its menu replaces the one held), an older or equal one is a
 * duplicate, anything beyond is a gap and the screen re-reads the menu.
 */
export class RestaurantFeed {
  menu: Menu | null = null;
  readonly counts = { applied: 0, duplicate: 0, gap: 0 };

  reset(menu: Menu | undefined): void {
    this.menu = menu ?? null;
  }

  /** A menu read or answered by the server: kept if it is not older than the one held. */
  offer(menu: Menu): void {
    if (!this.menu || menu.seq >= this.menu.seq) this.menu = menu;
  }

  apply({ event, menu }: RestaurantUpdate): ApplyResult {
    const last = this.menu?.seq;
    const result: ApplyResult = last === undefined || event.seq === last + 1 ? "applied" : event.seq <= last ? "duplicate" : "gap";
    this.counts[result]++;
    if (result === "applied") this.menu = menu;
    return result;
  }
}
