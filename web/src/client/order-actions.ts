"use client";
import { AppError, type CloseReasonDetail, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import type { LiveFeed } from "@orderly/shared/client";
import { api } from "./api.ts";

/** What went wrong, as the person at the screen says it; the screen has caught up by then. */
export function problemText(error: unknown, code: string): string {
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
 * then answers the error (an AppError, for screens that tell its codes apart): null when the change was made.
 */
export async function attemptChange(live: LiveFeed, token: string, orderId: string, path: string, body: unknown): Promise<unknown> {
  try {
    const snapshot = await api<OrderSnapshot>(`/api/orders/${orderId}/${path}`, { body, token });
    const known = live.feed.seqOf(orderId) ?? snapshot.seq - 1;
    for (const event of snapshot.timeline.filter((e) => e.seq > known)) live.apply({ event, ticket: snapshot.ticket });
    return null;
  } catch (error) {
    await live.resync();
    return error;
  }
}

/** attemptChange, answering what went wrong in words: null when the change was made. */
export async function changeOrder(live: LiveFeed, token: string, orderId: string, path: string, body: unknown): Promise<string | null> {
  // Named before the change: the re-read list may no longer hold the order.
  const code = live.feed.ticket(orderId)?.code ?? "The order";
  const error = await attemptChange(live, token, orderId, path, body);
  return error === null ? null : problemText(error, code);
}

/** Moves an order forward or back; staff cancelling or rejecting give a reason. */
export function moveOrder(live: LiveFeed, token: string, orderId: string, to: OrderStatus, expectedSeq: number, reason?: CloseReasonDetail): Promise<string | null> {
  return changeOrder(live, token, orderId, "transitions", { to, expectedSeq, reason });
}
