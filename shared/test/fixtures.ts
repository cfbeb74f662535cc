// Tickets and order updates for tests of every package: valid by the shared schemas, with ids
// and times filled in; each test overrides what it is about.
import { randomUUID } from "node:crypto";
import type { OrderStatus, OrderUpdate, Ticket, TicketItem } from "../src/index.ts";

export function ticketItem(overrides: Partial<TicketItem> = {}): TicketItem {
  return {
    id: randomUUID(),
    menuItemId: randomUUID(),
    name: "Prawn Moilee",
    quantity: 1,
    unitPricePaise: 38000,
    notes: null,
    allergens: [],
    stationId: randomUUID(),
    stationName: "Curry",
    doneAt: null,
    ...overrides,
  };
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    code: "AB12C",
    restaurantId: randomUUID(),
    kitchenId: randomUUID(),
    fulfilment: "DELIVERY",
    status: "PLACED",
    seq: 1,
    customerName: "Anu",
    customerPhone: "9847012345",
    deliveryAddress: "12 Broadway, Ernakulam",
    totalPaise: 38000,
    prepMinutes: 20,
    courierId: null,
    createdAt: at,
    estimatedReadyAt: null,
    rush: false,
    recalledAt: null,
    statusChangedAt: at,
    previousStatus: null,
    closeReason: null,
    items: [ticketItem()],
    ...overrides,
  };
}

/** A status change of `order` (placed when `from` is null), as the outbox publishes it. */
export function statusUpdate(order: Ticket, from: OrderStatus | null, to: OrderStatus, seq = order.seq): OrderUpdate {
  const at = new Date().toISOString();
  return {
    event: { id: randomUUID(), orderId: order.id, seq, type: "STATUS_CHANGED", actorRole: from === null ? "CUSTOMER" : "KITCHEN", at, payload: { from, to } },
    ticket: { ...order, status: to, seq, previousStatus: from, statusChangedAt: at },
  };
}
