import { randomUUID } from "node:crypto";
import type { Allergen, Fulfilment, OrderStatus, PaymentMethod } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import type { OrderWithTimeline } from "./ticket.ts";

/** A new order's columns, its lines as priced, and what its snapshot shows of the menu and restaurant. */
export interface NewOrder {
  code: string;
  restaurantId: string;
  kitchenId: string;
  fulfilment: Fulfilment;
  deliveryAddress: string | null;
  deliveryLatitude: number | null;
  deliveryLongitude: number | null;
  deliveryPin: string | null;
  paymentMethod: PaymentMethod;
  paidAt: Date | null;
  customerName: string;
  customerPhone: string;
  totalPaise: number;
  idempotencyKey: string;
  requestHash: string;
  status: OrderStatus;
  scheduledFor: Date | null;
  releaseAt: Date | null;
  slotStart: Date;
  items: {
    menuItemId: string;
    name: string;
    unitPricePaise: number;
    quantity: number;
    notes: string | null;
    allergens: Allergen[];
    stationId: string;
    stationName: string;
    prepMinutes: number;
  }[];
  /** Until when this process's relay holds the first event (OutboxRelay.mayClaim); null: any relay. */
  claimedUntil: Date | null;
  restaurant: OrderWithTimeline["restaurant"];
}

type OrderRow = Prisma.OrderGetPayload<object>;

/**
 * Writes the order, its items and its first event (seq 1, placed by the customer) in one
 * statement, and answers the order as a snapshot read would, built from what was written: placing
 * is the hottest write, and Prisma's nested create takes four round trips for it.
 */
export async function insertOrder(tx: Prisma.TransactionClient, order: NewOrder, now: Date): Promise<OrderWithTimeline> {
  const id = randomUUID();
  const items = order.items.map((item) => ({ ...item, id: randomUUID() })).sort((a, b) => a.id.localeCompare(b.id));
  const event = {
    id: randomUUID(),
    orderId: id,
    seq: 1,
    type: "STATUS_CHANGED" as const,
    payload: { from: null, to: order.status },
    actorRole: "CUSTOMER" as const,
    actorId: null,
    createdAt: now,
    publishedAt: null,
    claimedUntil: order.claimedUntil,
  };
  const [row] = await tx.$queryRaw<OrderRow[]>`
    WITH o AS (
      INSERT INTO "Order" (id, code, "restaurantId", "kitchenId", fulfilment, "deliveryAddress", "deliveryLatitude", "deliveryLongitude",
        "deliveryPin", "paymentMethod", "paidAt", "customerName", "customerPhone", "totalPaise", "idempotencyKey", "requestHash", status,
        "scheduledFor", "releaseAt", "slotStart", "statusChangedAt", "createdAt", "updatedAt")
      VALUES (${id}, ${order.code}, ${order.restaurantId}, ${order.kitchenId}, ${order.fulfilment}::"Fulfilment", ${order.deliveryAddress},
        ${order.deliveryLatitude}, ${order.deliveryLongitude}, ${order.deliveryPin}, ${order.paymentMethod}::"PaymentMethod", ${order.paidAt},
        ${order.customerName}, ${order.customerPhone}, ${order.totalPaise}, ${order.idempotencyKey}, ${order.requestHash},
        ${order.status}::"OrderStatus", ${order.scheduledFor}, ${order.releaseAt}, ${order.slotStart}, ${now}, ${now}, ${now})
      RETURNING *
    ), lines AS (
      INSERT INTO "OrderItem" (id, "orderId", "menuItemId", name, "unitPricePaise", quantity, notes, allergens, "stationId")
      SELECT line.id, o.id, line."menuItemId", line.name, line."unitPricePaise", line.quantity, line.notes, line.allergens::"Allergen"[], line."stationId"
      FROM o, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS line(id text, "menuItemId" text, name text, "unitPricePaise" int, quantity int,
        notes text, allergens text[], "stationId" text)
    ), first AS (
      INSERT INTO "OrderEvent" (id, "orderId", seq, type, payload, "actorRole", "createdAt", "claimedUntil")
      SELECT ${event.id}, o.id, 1, 'STATUS_CHANGED', ${JSON.stringify(event.payload)}::jsonb, 'CUSTOMER', ${now}, ${order.claimedUntil} FROM o
    )
    SELECT * FROM o`;
  return {
    ...row!,
    items: items.map(({ stationName, prepMinutes, ...item }) => ({ ...item, orderId: id, doneAt: null, menuItem: { prepMinutes }, station: { name: stationName } })),
    courier: null,
    events: [event],
    restaurant: order.restaurant,
  };
}
