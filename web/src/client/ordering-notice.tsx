import type { Ordering } from "@orderly/shared";

/** "7:45 pm" in the restaurant's zone. */
export const clock = (iso: string, timeZone: string) => new Date(iso).toLocaleTimeString("en-IN", { hour: "numeric", minute: "2-digit", timeZone });
const day = (iso: string, timeZone: string) => new Date(iso).toLocaleDateString("en-IN", { weekday: "long", timeZone });

/** Why ordering now is not possible, in the customer's words; null while the restaurant takes orders. */
export function orderingBlocked(ordering: Ordering, timeZone: string): string | null {
  if (ordering.paused) {
    return `Online orders are paused for now${ordering.pauseReason ? `: ${ordering.pauseReason}` : ""}. Please check back a little later.`;
  }
  if (!ordering.open) {
    if (!ordering.opensAt) return "We are closed and not taking orders.";
    const opens = clock(ordering.opensAt, timeZone);
    const today = day(ordering.opensAt, timeZone) === day(ordering.asOf, timeZone);
    return `We are closed. We open at ${opens}${today ? " today" : ` on ${day(ordering.opensAt, timeZone)}`}.`;
  }
  if (ordering.capped) {
    return `The kitchen is taking all the orders it can right now${ordering.nextFreeSlotAt ? `; the next free time is ${clock(ordering.nextFreeSlotAt, timeZone)}` : ""}.`;
  }
  return null;
}

/** The banner over the menu: paused, closed, capped, or busy (longer waits). */
export function OrderingNotice({ ordering, timeZone }: { ordering: Ordering; timeZone: string }) {
  const blocked = orderingBlocked(ordering, timeZone);
  const schedule = blocked && !ordering.paused && ordering.slots.length > 0 ? " You can schedule an order for later today below." : "";
  if (blocked) {
    return (
      <p className="banner banner-warn" role="status" data-testid="ordering-notice">
        {blocked}
        {schedule}
      </p>
    );
  }
  if (ordering.extraPrepMinutes > 0) {
    return (
      <p className="banner banner-info" role="status" data-testid="ordering-notice">
        The kitchen is busy: orders take about {ordering.extraPrepMinutes} minutes longer than usual.
      </p>
    );
  }
  return null;
}
