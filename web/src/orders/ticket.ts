import type { OrderEvent, OrderSnapshot, Ticket } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";

/** What every ticket read includes. */
export const TICKET_INCLUDE = {
  items: { include: { menuItem: { select: { prepMinutes: true } } }, orderBy: { id: "asc" } },
} satisfies Prisma.OrderInclude;

export type OrderWithItems = Prisma.OrderGetPayload<{ include: typeof TICKET_INCLUDE }>;
type EventRow = Prisma.OrderEventGetPayload<object>;

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
    prepMinutes: Math.max(0, ...order.items.map((i) => i.menuItem.prepMinutes)),
    courierId: order.courierId,
    createdAt: order.createdAt.toISOString(),
    estimatedReadyAt: order.estimatedReadyAt?.toISOString() ?? null,
    items: order.items.map((i) => ({
      menuItemId: i.menuItemId,
      name: i.name,
      quantity: i.quantity,
      unitPricePaise: i.unitPricePaise,
      notes: i.notes,
    })),
  };
}

export function toOrderEvent(row: EventRow): OrderEvent {
  return {
    id: row.id,
    orderId: row.orderId,
    seq: row.seq,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorRole: row.actorRole,
    at: row.createdAt.toISOString(),
  };
}

export async function loadSnapshot(tx: Prisma.TransactionClient, orderId: string): Promise<OrderSnapshot | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    include: { ...TICKET_INCLUDE, events: { orderBy: { seq: "asc" } } },
  });
  if (!order) return null;
  return { ticket: toTicket(order), seq: order.seq, timeline: order.events.map(toOrderEvent) };
}
