import { orderEventSchema, type CourierPosition, type GeoPoint, type OrderEvent, type OrderSnapshot, type Ticket } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";

/** What every ticket read includes. */
export const TICKET_INCLUDE = {
  items: {
    include: { menuItem: { select: { prepMinutes: true } }, station: { select: { name: true } } },
    orderBy: { id: "asc" },
  },
  courier: { select: { id: true, displayName: true, phone: true } },
} satisfies Prisma.OrderInclude;

/** A ticket, its timeline and its restaurant's contact: what a snapshot reads. */
export const SNAPSHOT_INCLUDE = {
  ...TICKET_INCLUDE,
  events: { orderBy: { seq: "asc" } },
  restaurant: { select: { name: true, address: true, phone: true, latitude: true, longitude: true } },
} satisfies Prisma.OrderInclude;

export type OrderWithItems = Prisma.OrderGetPayload<{ include: typeof TICKET_INCLUDE }>;
export type OrderWithTimeline = Prisma.OrderGetPayload<{ include: typeof SNAPSHOT_INCLUDE }>;
type EventRow = Prisma.OrderEventGetPayload<object>;

/** The longest prep time of an order's items: the kitchen's ageing clock and its estimate. */
export function prepMinutesOf(order: OrderWithItems): number {
  return Math.max(0, ...order.items.map((i) => i.menuItem.prepMinutes));
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

const pointOf = (latitude: number | null, longitude: number | null): GeoPoint | null =>
  latitude === null || longitude === null ? null : { latitude, longitude };

export function toTicket(order: OrderWithItems): Ticket {
  return {
    id: order.id,
    code: order.code,
    restaurantId: order.restaurantId,
    kitchenId: order.kitchenId,
    fulfilment: order.fulfilment,
    status: order.status,
    seq: order.seq,
    customerName: order.customerName,
    customerPhone: order.customerPhone,
    deliveryAddress: order.deliveryAddress,
    totalPaise: order.totalPaise,
    prepMinutes: prepMinutesOf(order),
    deliveryLocation: pointOf(order.deliveryLatitude, order.deliveryLongitude),
    payment: { method: order.paymentMethod, amountDuePaise: order.paidAt ? 0 : order.totalPaise },
    courier: order.courier && { id: order.courier.id, name: order.courier.displayName, phone: order.courier.phone },
    createdAt: order.createdAt.toISOString(),
    estimatedReadyAt: iso(order.estimatedReadyAt),
    rush: order.rush,
    recalledAt: iso(order.recalledAt),
    statusChangedAt: order.statusChangedAt.toISOString(),
    previousStatus: order.previousStatus,
    scheduledFor: iso(order.scheduledFor),
    closeReason: order.closeReason ? { code: order.closeReason, ...(order.closeNote && { note: order.closeNote }) } : null,
    items: order.items.map((i) => ({
      id: i.id,
      menuItemId: i.menuItemId,
      name: i.name,
      quantity: i.quantity,
      unitPricePaise: i.unitPricePaise,
      notes: i.notes,
      allergens: i.allergens,
      stationId: i.stationId,
      stationName: i.station.name,
      doneAt: iso(i.doneAt),
    })),
  };
}

/** A stored event as clients get it; its payload is checked against the shared union. */
export function toOrderEvent(row: EventRow): OrderEvent {
  return orderEventSchema.parse({
    id: row.id,
    orderId: row.orderId,
    seq: row.seq,
    type: row.type,
    actorRole: row.actorRole,
    at: row.createdAt.toISOString(),
    payload: row.payload,
  });
}

function courierPositionOf(order: OrderWithTimeline): CourierPosition | null {
  if (order.status !== "OUT_FOR_DELIVERY" || !order.courierPositionAt || order.courierLatitude === null || order.courierLongitude === null) return null;
  return {
    orderId: order.id,
    latitude: order.courierLatitude,
    longitude: order.courierLongitude,
    accuracyM: order.courierAccuracyM,
    speedMps: order.courierSpeedMps,
    at: order.courierPositionAt.toISOString(),
  };
}

/** The delivery PIN goes only into its customer's snapshot (`forCustomer`), never to staff. */
export function toSnapshot(order: OrderWithTimeline, { forCustomer = false } = {}): OrderSnapshot {
  const { restaurant } = order;
  return {
    ticket: toTicket(order),
    seq: order.seq,
    timeline: order.events.map(toOrderEvent),
    restaurant: { name: restaurant.name, address: restaurant.address, phone: restaurant.phone, location: pointOf(restaurant.latitude, restaurant.longitude) },
    courierPosition: courierPositionOf(order),
    ...(forCustomer && order.deliveryPin && { deliveryPin: order.deliveryPin }),
  };
}

export async function loadSnapshot(tx: Prisma.TransactionClient, orderId: string, options?: { forCustomer?: boolean }): Promise<OrderSnapshot | null> {
  const order = await tx.order.findUnique({ where: { id: orderId }, include: SNAPSHOT_INCLUDE });
  return order && toSnapshot(order, options);
}
