// Tickets and order updates for tests of every package: valid by the shared schemas, with ids
// and times filled in; each test overrides what it is about.
import { randomUUID } from "node:crypto";
import type { Menu, OrderStatus, OrderUpdate, RestaurantUpdate, Ticket, TicketItem } from "../src/index.ts";

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
    deliveryLocation: null,
    payment: { method: "CASH", amountDuePaise: 38000 },
    courier: null,
    createdAt: at,
    estimatedReadyAt: null,
    rush: false,
    recalledAt: null,
    statusChangedAt: at,
    previousStatus: null,
    closeReason: null,
    scheduledFor: null,
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

export function menu(overrides: Partial<Menu> = {}): Menu {
  return {
    restaurant: { id: randomUUID(), slug: "fort-kochi", name: "Malabar Table", address: "14 Princess Street", phone: "+91 484 221 0001", timeZone: "Asia/Kolkata" },
    seq: 0,
    categories: [
      {
        name: "Mains",
        items: [
          { id: randomUUID(), name: "Prawn Moilee", description: "", category: "Mains", pricePaise: 38000, prepMinutes: 20, available: true, soldOutUntil: null },
        ],
      },
    ],
    ordering: {
      asOf: new Date().toISOString(),
      paused: false,
      pauseReason: null,
      extraPrepMinutes: 0,
      orderCap: null,
      open: true,
      opensAt: null,
      closesAt: null,
      capped: false,
      nextFreeSlotAt: null,
      slots: [],
    },
    ...overrides,
  };
}

/** `of`'s first item sold out (or back), as event `seq` of its restaurant, with the menu after it. */
export function availabilityUpdate(of: Menu, available: boolean, seq = of.seq + 1): RestaurantUpdate {
  const item = of.categories[0]!.items[0]!;
  return {
    event: {
      id: randomUUID(),
      restaurantId: of.restaurant.id,
      seq,
      type: "ITEM_AVAILABILITY",
      actorRole: "KITCHEN",
      at: new Date().toISOString(),
      payload: { itemId: item.id, available, soldOutUntil: null },
    },
    menu: { ...of, seq, categories: [{ ...of.categories[0]!, items: [{ ...item, available }] }] },
  };
}

/** A fixed-offset zone where it is now between 08:00 and 08:59: tests of opening hours never depend on the hour they run at. */
export function morningZone(): string {
  const offset = ((8 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}
