import { restaurantEventSchema, type RestaurantEvent } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";

/** A stored restaurant event as clients get it; its payload is checked against the shared union. */
export function toRestaurantEvent(row: Prisma.RestaurantEventGetPayload<object>): RestaurantEvent {
  return restaurantEventSchema.parse({
    id: row.id,
    restaurantId: row.restaurantId,
    seq: row.seq,
    type: row.type,
    actorRole: row.actorRole,
    at: row.createdAt.toISOString(),
    payload: row.payload,
  });
}
