import { randomUUID } from "node:crypto";
import type { Allergen, Fulfilment, OrderStatus, PaymentMethod } from "@orderly/shared";
import { ORDER_COLUMNS, ORDER_EVENT_COLUMNS, ORDER_ITEM_COLUMNS, insertSql, type Prisma, type RowOf } from "@orderly/prisma";
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
  const { items: lines, claimedUntil, restaurant, ...columns } = order;
  const id = randomUUID();
  const items = lines.map(({ stationName, prepMinutes, ...item }) => ({ ...item, id: randomUUID(), orderId: id, doneAt: null, stationName, prepMinutes }));
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
    claimedUntil,
  };
  const row: RowOf<Prisma.OrderUncheckedCreateInput, typeof ORDER_COLUMNS> = {
    ...columns,
    id,
    seq: 1,
    courierId: null,
    estimatedReadyAt: null,
    rush: false,
    recalledAt: null,
    statusChangedAt: now,
    previousStatus: null,
    closeReason: null,
    closeNote: null,
    createdAt: now,
    updatedAt: now,
  };
  const [created] = await tx.$queryRaw<OrderRow[]>`
    WITH o AS (${insertSql("Order", ORDER_COLUMNS, [row])} RETURNING *),
      lines AS (${insertSql("OrderItem", ORDER_ITEM_COLUMNS, items)}),
      first AS (${insertSql("OrderEvent", ORDER_EVENT_COLUMNS, [event])})
    SELECT * FROM o`;
  return {
    ...created!,
    items: items
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ stationName, prepMinutes, ...item }) => ({ ...item, menuItem: { prepMinutes }, station: { name: stationName } })),
    courier: null,
    events: [event],
    restaurant,
  };
}
