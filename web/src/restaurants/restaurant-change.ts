import { type RestaurantChange } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import type { Actor } from "../actor.ts";
import { db } from "../db.ts";
import { outboxRelay } from "../outbox/relay.ts";

type Plan = (restaurantId: string, now: Date, tx: Prisma.TransactionClient) => Promise<RestaurantChange[]>;

/**
 * Every change of what a restaurant's customers can order goes through here, in one transaction:
 * the restaurant's row is locked (changes of one restaurant run one after the other, and orders
 * placed meanwhile wait), `plan` makes its writes and says what changed (nothing: no event), and
 * the restaurant's seq and one RestaurantEvent per change (the next seqs, gapless) are written.
 * After the commit the relay looks for them (and for the order events a plan wrote).
 */
export async function changeRestaurant(restaurantId: string, actor: Actor, plan: Plan): Promise<RestaurantChange[]> {
  const made = await db().$transaction(async (tx) => {
    const [{ seq }] = await tx.$queryRaw<[{ seq: number }]>`SELECT seq FROM "Restaurant" WHERE id = ${restaurantId} FOR UPDATE`;
    const changes = await plan(restaurantId, new Date(), tx);
    if (changes.length === 0) return changes;
    await tx.restaurant.update({ where: { id: restaurantId }, data: { seq: seq + changes.length } });
    await tx.restaurantEvent.createMany({
      data: changes.map((change, i) => ({
        restaurantId,
        seq: seq + 1 + i,
        type: change.type,
        payload: change.payload,
        actorRole: actor.role,
        actorId: actor.id,
      })),
    });
    return changes;
  });
  if (made.length > 0) outboxRelay().kick();
  return made;
}
