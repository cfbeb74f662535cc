import { AppError, forbidden, notFound, POSITION_MAX_AGE_SECONDS, type ClaimsOf, type CourierPosition, type CourierPositionRequest } from "@orderly/shared";
import { db } from "../db.ts";
import { webEnv } from "../env.ts";
import { log } from "../log.ts";
import { postBatch } from "../outbox/post-batch.ts";

/** A phone's clock may run this far ahead of the server's. */
const CLOCK_SKEW_MS = 30_000;

/**
 * Keeps the position of the courier holding an order on the way (the newest by `at` wins: an older
 * one arriving late changes nothing) and pushes it to the order's room. Answers the position when
 * it was the newest, null when a newer one was already kept. Positions are volatile: one that does
 * not reach the realtime server is not retried, the next one replaces it.
 */
export async function recordPosition(claims: ClaimsOf<"delivery">, orderId: string, request: CourierPositionRequest): Promise<CourierPosition | null> {
  const at = new Date(request.at);
  const now = Date.now();
  if (at.getTime() > now + CLOCK_SKEW_MS || at.getTime() < now - POSITION_MAX_AGE_SECONDS * 1000) {
    throw new AppError("VALIDATION_FAILED", `at: must be within the last ${POSITION_MAX_AGE_SECONDS} seconds`, {
      fields: { at: `must be within the last ${POSITION_MAX_AGE_SECONDS} seconds` },
    });
  }
  const order = await db().order.findUnique({ where: { id: orderId }, select: { restaurantId: true, courierId: true, status: true } });
  if (!order || order.restaurantId !== claims.restaurantId) throw notFound("Order");
  if (order.courierId !== claims.sub) throw forbidden("Only the courier who holds this order shares its position");
  if (order.status !== "OUT_FOR_DELIVERY") throw new AppError("CONFLICT", `The order is ${order.status}: positions are shared only on the way`);
  const position: CourierPosition = {
    orderId,
    latitude: request.latitude,
    longitude: request.longitude,
    accuracyM: request.accuracyM ?? null,
    speedMps: request.speedMps ?? null,
    at: at.toISOString(),
  };
  const kept = await db().order.updateMany({
    where: { id: orderId, courierId: claims.sub, status: "OUT_FOR_DELIVERY", OR: [{ courierPositionAt: null }, { courierPositionAt: { lt: at } }] },
    data: {
      courierLatitude: position.latitude,
      courierLongitude: position.longitude,
      courierAccuracyM: position.accuracyM,
      courierSpeedMps: position.speedMps,
      courierPositionAt: at,
    },
  });
  if (kept.count === 0) return null;
  const env = webEnv();
  postBatch(env.REALTIME_INTERNAL_URL, env.INTERNAL_SECRET, { positions: [position] }, 2000).catch((error: unknown) =>
    log().warn({ err: error instanceof Error ? error.message : String(error), orderId }, "courier position not pushed"),
  );
  return position;
}
