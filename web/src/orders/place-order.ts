import { createHash, randomInt } from "node:crypto";
import { AppError, describeFieldErrors, notFound, slotStartOf, type OrderSnapshot, type PlaceOrder } from "@orderly/shared";
import { Prisma } from "@orderly/prisma";
import { db } from "../db.ts";
import { CLAIM_MS, type OutboxRelay } from "../outbox/outbox-relay.ts";
import { handOver, outboxRelay } from "../outbox/relay.ts";
import { localTime } from "../restaurants/opening-hours.ts";
import { hoursOf, orderingState, type OrderingSettings } from "../restaurants/ordering-state.ts";
import { lockRestaurantForOrder } from "../restaurants/restaurant-cache.ts";
import { insertOrder } from "./insert-order.ts";
import { orderCode } from "./order-code.ts";
import { SNAPSHOT_INCLUDE, toSnapshot } from "./ticket.ts";

export interface Placed {
  snapshot: OrderSnapshot;
  /** false when the Idempotency-Key named an order placed before with the same request. */
  created: boolean;
}

function requestHash(request: PlaceOrder): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

/** The random order code clashed with another order's (insertOrder is a raw statement: the driver names the index). */
const isCodeClash = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.meta as { driverAdapterError?: { cause?: { constraint?: { index?: string } } } } | undefined)?.driverAdapterError?.cause?.constraint?.index === "Order_code_key";

async function existing(client: Prisma.TransactionClient, idempotencyKey: string, hash: string): Promise<Placed | null> {
  const order = await client.order.findUnique({ where: { idempotencyKey }, include: SNAPSHOT_INCLUDE });
  if (!order) return null;
  if (order.requestHash !== hash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different order", {
      fields: { "idempotency-key": "was used for a different order" },
    });
  }
  return { snapshot: toSnapshot(order, { forCustomer: true }), created: false };
}

/** Refuses an order the restaurant cannot take now; answers its slot, status and release time. */
async function schedule(tx: Prisma.TransactionClient, restaurant: OrderingSettings & { name: string }, request: PlaceOrder, prepMinutes: number) {
  const now = new Date();
  const ordering = await orderingState(tx, restaurant, now);
  const hours = hoursOf(restaurant);
  if (ordering.paused) {
    const reason = ordering.pauseReason ? ` (${ordering.pauseReason})` : "";
    throw new AppError("RESTAURANT_PAUSED", `${restaurant.name} has paused online orders for now${reason}. Please try again a little later.`);
  }
  if (request.scheduledFor) {
    const slot = new Date(request.scheduledFor);
    if (!ordering.slots.includes(slot.toISOString())) {
      throw new AppError("SLOT_UNAVAILABLE", "scheduledFor: that time is no longer available; choose another", {
        fields: { scheduledFor: "is not one of today's free slots" },
      });
    }
    const releaseAt = new Date(slot.getTime() - (prepMinutes + ordering.extraPrepMinutes) * 60_000);
    return { status: "SCHEDULED" as const, scheduledFor: slot, releaseAt, slotStart: slot };
  }
  if (!ordering.open) {
    const opens = ordering.opensAt ? `; we open at ${localTime(hours, new Date(ordering.opensAt))}` : "";
    throw new AppError("RESTAURANT_CLOSED", `${restaurant.name} is closed now${opens}. You can schedule an order for later today.`);
  }
  if (ordering.capped) {
    const next = ordering.nextFreeSlotAt ? ` Try again at ${localTime(hours, new Date(ordering.nextFreeSlotAt))}, or schedule it for later today.` : "";
    throw new AppError("ORDER_CAP_REACHED", `The kitchen is taking all the orders it can right now.${next}`, {
      fields: { scheduledFor: ordering.nextFreeSlotAt ? `the next free slot is ${localTime(hours, new Date(ordering.nextFreeSlotAt))}` : "no free slot left today" },
    });
  }
  return { status: "PLACED" as const, scheduledFor: null, releaseAt: null, slotStart: slotStartOf(now) };
}

/** Several web processes place orders: each order cap is counted by one of them at a time. */
const CAP_LOCK = 731_044_201;

/**
 * Prices come from the menu, never the client. One transaction per attempt: attempts with the same
 * Idempotency-Key run one after the other (a retry finds the first's order, never a refusal the
 * first did not get); the restaurant's row is share-locked, so a pause or another change of the
 * restaurant waits for orders being placed and they for it; with an order cap, orders of the
 * restaurant are counted one at a time. The restaurant must be taking orders — now, or in the
 * chosen slot — and the order, its items and event seq 1 commit together; then the event goes to
 * this process's relay.
 */
export async function placeOrder(request: PlaceOrder, idempotencyKey: string): Promise<Placed> {
  const hash = requestHash(request);
  const relay = outboxRelay();
  for (let attempt = 0; ; attempt++) {
    try {
      const placed = await db().$transaction((tx) => placeOnce(tx, request, idempotencyKey, hash, relay));
      if (placed.created) handOver(relay, { snapshot: placed.snapshot, events: placed.snapshot.timeline, claimed: placed.claimed });
      return placed;
    } catch (error) {
      if (!isCodeClash(error) || attempt >= 4) throw error;
    }
  }
}

async function placeOnce(
  tx: Prisma.TransactionClient,
  request: PlaceOrder,
  idempotencyKey: string,
  hash: string,
  relay: OutboxRelay,
): Promise<Placed & { claimed: boolean }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${idempotencyKey}, 0))`;
  const before = await existing(tx, idempotencyKey, hash);
  if (before) return { ...before, claimed: false };

  const restaurant = await lockRestaurantForOrder(tx, request.restaurantSlug);
  if (!restaurant) throw notFound("Restaurant", "restaurantSlug");
  const kitchen = restaurant.kitchens[0];
  if (!kitchen) throw new AppError("NO_KITCHEN", "This restaurant is not taking orders", { fields: { restaurantSlug: "has no kitchen" } });
  if (restaurant.orderCap !== null) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAP_LOCK}::int, hashtext(${restaurant.id}))`;

  const fields: Record<string, string> = {};
  const lines = request.items.map((line, i) => {
    const item = restaurant.menuItems.find((m) => m.id === line.menuItemId);
    if (!item) fields[`items.${i}.menuItemId`] = `menu item ${line.menuItemId} is not on this restaurant's menu`;
    else if (!item.available) fields[`items.${i}.menuItemId`] = `${item.name} is sold out`;
    return { line, item: item! };
  });
  if (Object.keys(fields).length) throw new AppError("UNAVAILABLE_ITEMS", describeFieldErrors(fields), { fields });

  const slot = await schedule(tx, restaurant, request, Math.max(0, ...lines.map(({ item }) => item.prepMinutes)));
  const now = new Date();
  const claimed = relay.mayClaim([]);
  const { name, address, phone, latitude, longitude } = restaurant;
  const order = await insertOrder(
    tx,
    {
      code: orderCode(),
      restaurantId: restaurant.id,
      kitchenId: kitchen.id,
      fulfilment: request.fulfilment,
      deliveryAddress: request.fulfilment === "DELIVERY" ? request.deliveryAddress! : null,
      deliveryLatitude: request.deliveryLocation?.latitude ?? null,
      deliveryLongitude: request.deliveryLocation?.longitude ?? null,
      deliveryPin: request.fulfilment === "DELIVERY" ? String(randomInt(10_000)).padStart(4, "0") : null,
      paymentMethod: request.payment,
      paidAt: request.payment === "ONLINE" ? now : null,
      customerName: request.customer.name,
      customerPhone: request.customer.phone,
      totalPaise: lines.reduce((sum, { line, item }) => sum + item.pricePaise * line.quantity, 0),
      idempotencyKey,
      requestHash: hash,
      ...slot,
      items: lines.map(({ line, item }) => ({
        menuItemId: item.id,
        name: item.name,
        unitPricePaise: item.pricePaise,
        quantity: line.quantity,
        notes: line.notes || null,
        allergens: line.allergens ?? [],
        stationId: item.stationId,
        stationName: item.station.name,
        prepMinutes: item.prepMinutes,
      })),
      claimedUntil: claimed ? new Date(now.getTime() + CLAIM_MS) : null,
      restaurant: { name, address, phone, latitude, longitude },
    },
    now,
  );
  return { snapshot: toSnapshot(order, { forCustomer: true }), created: true, claimed };
}
