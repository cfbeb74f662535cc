import type { OrderStatus, Ticket } from "@orderly/shared";

/** DUE past the ticket's prep time, LATE past twice it; said in words, not colour alone. */
export type Lateness = "on-time" | "due" | "late";

/** Still being made: lateness counts only until the food is ready. */
export const BEING_MADE: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "PREPARING"];

/** When the kitchen's clock starts: when it was placed or, scheduled, its slot minus its prep time (its release). */
export function kitchenStart(ticket: Ticket): number {
  return ticket.scheduledFor ? Date.parse(ticket.scheduledFor) - ticket.prepMinutes * 60_000 : Date.parse(ticket.createdAt);
}

export function ageSeconds(ticket: Ticket, now: number): number {
  return Math.max(0, Math.floor((now - kitchenStart(ticket)) / 1000));
}

export function lateness(ticket: Ticket, now: number): Lateness {
  if (!BEING_MADE.includes(ticket.status)) return "on-time";
  const age = ageSeconds(ticket, now);
  const prep = ticket.prepMinutes * 60;
  return age > 2 * prep ? "late" : age > prep ? "due" : "on-time";
}

/** "12:07": minutes and seconds. */
export function formatAge(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "7:42 pm", on this device's clock. */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString("en-IN", { hour: "numeric", minute: "2-digit" });
}

/** Rushed first, then oldest first (a scheduled one from its release): the order a cook works in. */
export function byUrgency(a: Ticket, b: Ticket): number {
  return Number(b.rush) - Number(a.rush) || kitchenStart(a) - kitchenStart(b);
}
