import type { OrderStatus } from "@orderly/shared";
import type { Socket } from "socket.io-client";

/** What the load generator reads of a pushed order event (Orderly's OrderUpdate has more). */
export interface HeardUpdate {
  event: { orderId: string; seq: number };
}

export const BENCH_RESTAURANT = "fort-kochi";

/**
 * The order every target is sent: one pickup of a menu item, paid online (with cash, collecting it
 * would add a PAYMENT_RECEIVED event; the floor has none).
 */
export function orderRequest(customerName: string, menuItemId: string) {
  return {
    restaurantSlug: BENCH_RESTAURANT,
    customer: { name: customerName, phone: "9847012345" },
    fulfilment: "PICKUP",
    payment: "ONLINE",
    items: [{ menuItemId, quantity: 1 }],
  } as const;
}

export interface PlacedOrder {
  id: string;
  /** Puts the order's room on one of the customers' sockets, as the customer's page does after placing. */
  subscribe(socket: Socket): Promise<void>;
}

/**
 * A server under test as the order load generator drives it: Orderly (web + realtime server) or
 * the floor (bare-orders.ts). Both place a pickup order of the same menu item and move orders as
 * the kitchen.
 */
export interface OrderTarget {
  name: string;
  /** Where the kitchen's and the customers' sockets connect. */
  socketUrl: string;
  /** Handshake auth of the kitchen's socket, and of a customer's socket (idle, or subscribing to orders later). */
  kitchenAuth: Record<string, unknown>;
  customerAuth(): Record<string, unknown>;
  /** Throws a Refused when the server refuses it. */
  place(customerName: string): Promise<PlacedOrder>;
  /** A kitchen move; answers the order's seq after it. Throws a Refused when the server refuses it. */
  move(orderId: string, to: OrderStatus): Promise<number>;
}

/** A request the server answered with another status than success: its message is "place 503", "move 409"… */
export class Refused extends Error {}

export async function expectStatus(response: Response, status: number, what: "place" | "move"): Promise<void> {
  if (response.status === status) return;
  await response.arrayBuffer();
  throw new Refused(`${what} ${response.status}`);
}

/** How a failure is counted: the refusal, or the network error's code (ECONNRESET, a timeout…). */
export function failureReason(error: unknown): string {
  if (error instanceof Refused) return error.message;
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}
