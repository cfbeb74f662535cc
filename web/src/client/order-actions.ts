"use client";
import { AppError, type CloseReasonDetail, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import type { LiveFeed } from "@orderly/shared/client";
import { api } from "./api.ts";

/** What went wrong, as the person at the screen says it; the screen has caught up by then. */
function problemText(error: unknown, code: string): string {
  if (!(error instanceof AppError)) return `${code} was not changed. Try again.`;
  switch (error.code) {
    case "STALE":
      return `${code} was just changed on another screen — the board is up to date`;
    case "NETWORK":
    case "DATABASE_UNAVAILABLE":
      return `${code} was not changed: the server cannot be reached. Try again.`;
    default:
      return `${code} was not changed: ${error.message}`;
  }
}

/**
 * Changes an order over HTTP (sockets never write): POST /api/orders/{id}/{path}. The answer's
 * new events are applied to the feed at once, so the screen does not wait for the pushes, which
 * then arrive as duplicates and are ignored. On an error the screen re-reads its snapshot first,
 * then says what happened: null when the change was made.
 */
export async function changeOrder(live: LiveFeed, token: string, orderId: string, path: string, body: unknown): Promise<string | null> {
  try {
    const snapshot = await api<OrderSnapshot>(`/api/orders/${orderId}/${path}`, { body, token });
    const known = live.feed.seqOf(orderId) ?? snapshot.seq - 1;
    for (const event of snapshot.timeline.filter((e) => e.seq > known)) live.apply({ event, ticket: snapshot.ticket });
    return null;
  } catch (error) {
    const code = live.feed.ticket(orderId)?.code ?? "The order";
    await live.resync();
    return problemText(error, code);
  }
}

/** Moves an order forward or back; staff cancelling or rejecting give a reason. */
export function moveOrder(live: LiveFeed, token: string, orderId: string, to: OrderStatus, expectedSeq: number, reason?: CloseReasonDetail): Promise<string | null> {
  return changeOrder(live, token, orderId, "transitions", { to, expectedSeq, reason });
}
