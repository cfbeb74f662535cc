"use client";
import { AppError, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import type { LiveFeed } from "@orderly/shared/client";
import { api } from "./api.ts";

/**
 * Moves an order over HTTP (sockets never write). The answer is applied to the feed at once, so
 * the screen does not wait for the push, which then arrives as a duplicate and is ignored.
 * A 409 means someone else moved it first: the screen re-reads its snapshot.
 */
export async function moveOrder(live: LiveFeed, token: string, orderId: string, to: OrderStatus, expectedSeq: number): Promise<string | null> {
  try {
    const snapshot = await api<OrderSnapshot>(`/api/orders/${orderId}/transitions`, { body: { to, expectedSeq }, token });
    const event = snapshot.timeline.at(-1);
    if (event) live.apply({ event, ticket: snapshot.ticket });
    return null;
  } catch (error) {
    void live.resync();
    return error instanceof AppError ? error.message : "Could not update the order";
  }
}
