import { recallTarget, type OrderStatus, type Ticket } from "@orderly/shared";

/** What the "Recently bumped" drawer lists: moves the expo may want to undo. */
const BUMPED: readonly OrderStatus[] = ["READY", "COLLECTED", "CANCELLED", "REJECTED"];

function withinWindow(ticket: Ticket, now: number, windowMinutes: number): boolean {
  return now - Date.parse(ticket.statusChangedAt) <= windowMinutes * 60_000;
}

/** Where a Recall by the kitchen takes this ticket now, if it may still be recalled. */
export function recallableTo(ticket: Ticket, now: number, windowMinutes: number): OrderStatus | undefined {
  return withinWindow(ticket, now, windowMinutes) ? recallTarget("kitchen", ticket) : undefined;
}

/** Bumped or closed within the recall window, newest first. */
export function recentlyBumped(tickets: readonly Ticket[], now: number, windowMinutes: number): Ticket[] {
  return tickets
    .filter((t) => BUMPED.includes(t.status) && withinWindow(t, now, windowMinutes))
    .sort((a, b) => b.statusChangedAt.localeCompare(a.statusChangedAt));
}
