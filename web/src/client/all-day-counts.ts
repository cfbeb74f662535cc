import type { TicketItem } from "@orderly/shared";

export interface AllDayCount {
  menuItemId: string;
  name: string;
  quantity: number;
}

/** How many of each dish are still to make across these items ("Prawn Moilee × 7"): most first. */
export function allDayCounts(items: readonly TicketItem[]): AllDayCount[] {
  const counts = new Map<string, AllDayCount>();
  for (const item of items) {
    if (item.doneAt) continue;
    const count = counts.get(item.menuItemId) ?? { menuItemId: item.menuItemId, name: item.name, quantity: 0 };
    count.quantity += item.quantity;
    counts.set(item.menuItemId, count);
  }
  return [...counts.values()].sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}
