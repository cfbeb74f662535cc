import { createHash } from "node:crypto";
import { AppError, describeFieldErrors, notFound, type OrderSnapshot, type PlaceOrderRequest } from "@orderly/shared";
import { Prisma } from "@orderly/prisma";
import { db } from "../db.ts";
import { orderCode } from "./order-code.ts";
import { SNAPSHOT_INCLUDE, toSnapshot } from "./ticket.ts";

export interface Placed {
  snapshot: OrderSnapshot;
  /** false when the Idempotency-Key named an order placed before with the same request. */
  created: boolean;
}

function requestHash(request: PlaceOrderRequest): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

const isUniqueViolation = (error: unknown, field: string) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  error.code === "P2002" &&
  JSON.stringify(error.meta ?? {}).includes(field);

async function existing(idempotencyKey: string, hash: string): Promise<Placed | null> {
  const order = await db().order.findUnique({ where: { idempotencyKey }, include: SNAPSHOT_INCLUDE });
  if (!order) return null;
  if (order.requestHash !== hash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different order", {
      fields: { "idempotency-key": "was used for a different order" },
    });
  }
  return { snapshot: toSnapshot(order), created: false };
}

/** Prices come from the menu, never the client; the order, its items and event seq 1 commit together. */
export async function placeOrder(request: PlaceOrderRequest, idempotencyKey: string): Promise<Placed> {
  const hash = requestHash(request);
  const before = await existing(idempotencyKey, hash);
  if (before) return before;

  const restaurant = await db().restaurant.findUnique({
    where: { slug: request.restaurantSlug },
    include: { kitchens: { orderBy: { name: "asc" }, take: 1 } },
  });
  if (!restaurant) throw notFound("Restaurant", "restaurantSlug");
  const kitchen = restaurant.kitchens[0];
  if (!kitchen) throw new AppError("NO_KITCHEN", "This restaurant is not taking orders", { fields: { restaurantSlug: "has no kitchen" } });

  const menu = await db().menuItem.findMany({
    where: { restaurantId: restaurant.id, id: { in: request.items.map((l) => l.menuItemId) } },
  });
  const fields: Record<string, string> = {};
  const lines = request.items.map((line, i) => {
    const item = menu.find((m) => m.id === line.menuItemId);
    if (!item) fields[`items.${i}.menuItemId`] = `menu item ${line.menuItemId} is not on this restaurant's menu`;
    else if (!item.available) fields[`items.${i}.menuItemId`] = `${item.name} is not available`;
    return { line, item };
  });
  if (Object.keys(fields).length) {
    throw new AppError("UNAVAILABLE_ITEMS", describeFieldErrors(fields), { fields });
  }

  const data = {
    restaurantId: restaurant.id,
    kitchenId: kitchen.id,
    fulfilment: request.fulfilment,
    deliveryAddress: request.fulfilment === "DELIVERY" ? request.deliveryAddress! : null,
    customerName: request.customer.name,
    customerPhone: request.customer.phone,
    totalPaise: lines.reduce((sum, { line, item }) => sum + item!.pricePaise * line.quantity, 0),
    idempotencyKey,
    requestHash: hash,
    items: {
      create: lines.map(({ line, item }) => ({
        menuItemId: item!.id,
        name: item!.name,
        unitPricePaise: item!.pricePaise,
        quantity: line.quantity,
        notes: line.notes || null,
        allergens: line.allergens ?? [],
        stationId: item!.stationId,
      })),
    },
    events: { create: { seq: 1, type: "STATUS_CHANGED" as const, payload: { from: null, to: "PLACED" }, actorRole: "CUSTOMER" as const } },
  };

  for (let attempt = 0; ; attempt++) {
    try {
      const order = await db().order.create({ data: { ...data, code: orderCode() }, include: SNAPSHOT_INCLUDE });
      return { snapshot: toSnapshot(order), created: true };
    } catch (error) {
      if (isUniqueViolation(error, "idempotencyKey")) {
        const raced = await existing(idempotencyKey, hash);
        if (raced) return raced;
      }
      if (!isUniqueViolation(error, "code") || attempt >= 4) throw error;
    }
  }
}
