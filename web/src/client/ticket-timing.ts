import type { OrderStatus, Ticket } from "@orderly/shared";

/** DUE past the ticket's prep time, LATE past twice it; said in words, not colour alone. */
export type Lateness = "on-time" | "due" | "late";

/** Still being made: lateness counts only until the food is ready. */
export const BEING_MADE: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "PREPARING"];

export function ageSeconds(ticket: Ticket, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(ticket.createdAt)) / 1000));
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

/** Rushed first, then oldest first: the order a cook works in. */
export function byUrgency(a: Ticket, b: Ticket): number {
  return Number(b.rush) - Number(a.rush) || a.createdAt.localeCompare(b.createdAt);
}
