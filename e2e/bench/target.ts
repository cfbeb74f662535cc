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
  /** null when the server refused it. */
  place(customerName: string): Promise<PlacedOrder | null>;
  /** A kitchen move; answers the order's seq after it, or null when refused. */
  move(orderId: string, to: OrderStatus): Promise<number | null>;
}
