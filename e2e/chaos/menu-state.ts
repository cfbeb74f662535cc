import type { Menu } from "@orderly/shared";

/**
 * What of a menu a client must show as the database holds it: the seq, each item's availability
 * and the ordering settings; not `ordering.asOf`, the slots or the cap's state, which move with the clock.
 */
export function menuState(menu: Menu): string {
  const { paused, pauseReason, extraPrepMinutes, orderCap } = menu.ordering;
  const items = menu.categories.flatMap((c) => c.items).map((i) => `${i.id}:${i.available}:${i.soldOutUntil}`);
  return JSON.stringify({ seq: menu.seq, items, ordering: { paused, pauseReason, extraPrepMinutes, orderCap } });
}
