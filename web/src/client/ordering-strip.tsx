import { SLOT_MINUTES, slotStartOf, type Menu, type Ticket } from "@orderly/shared";
import { clockTime } from "./ticket-timing.ts";

/** Orders counting against the cap in the slot `now` is in, from the board's own tickets (it changes with every order). */
function inCurrentSlot(tickets: readonly Ticket[], now: number): number {
  const slot = slotStartOf(new Date(now)).getTime();
  return tickets.filter(
    (t) => t.status !== "CANCELLED" && t.status !== "REJECTED" && (t.scheduledFor ? Date.parse(t.scheduledFor) : slotStartOf(new Date(t.createdAt)).getTime()) === slot,
  ).length;
}

/**
 * What the kitchen must know about online ordering, at the top of the board: sold-out items,
 * a pause, busy mode, and a cap that is throttling orders.
 */
export function OrderingStrip({ menu, tickets, now }: { menu: Menu | null; tickets: readonly Ticket[]; now: number }) {
  if (!menu) return null;
  const { ordering } = menu;
  const capped = ordering.orderCap !== null && inCurrentSlot(tickets, now) >= ordering.orderCap;
  const nextSlot = new Date(slotStartOf(new Date(now)).getTime() + SLOT_MINUTES * 60_000).toISOString();
  const soldOut = menu.categories.flatMap((c) => c.items).filter((i) => !i.available);
  const notes = [
    ordering.paused && `Online orders PAUSED${ordering.pauseReason ? `: ${ordering.pauseReason}` : ""}`,
    capped && `Order cap reached (${ordering.orderCap} per ${SLOT_MINUTES} min): new orders wait until ${clockTime(nextSlot)}`,
    ordering.extraPrepMinutes > 0 && `Busy mode: +${ordering.extraPrepMinutes} min`,
  ].filter((note) => note !== false);
  if (soldOut.length === 0 && notes.length === 0) return null;
  return (
    <div className="ordering-strip" role="status" data-testid="ordering-strip">
      {notes.map((note) => (
        <span key={note} className="ordering-note">
          ⚠ {note}
        </span>
      ))}
      {soldOut.length > 0 && (
        <span className="ordering-note" data-testid="sold-out-list">
          Sold out: {soldOut.map((i) => i.name).join(", ")}
        </span>
      )}
    </div>
  );
}
