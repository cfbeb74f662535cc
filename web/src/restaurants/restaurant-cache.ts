import type { Prisma } from "@orderly/prisma";
import { ORDERING_SELECT } from "./ordering-state.ts";

const FOR_ORDERS_SELECT = {
  ...ORDERING_SELECT,
  name: true,
  address: true,
  phone: true,
  latitude: true,
  longitude: true,
  kitchens: { orderBy: { name: "asc" }, take: 1, select: { id: true } },
  menuItems: { select: { id: true, name: true, pricePaise: true, available: true, prepMinutes: true, stationId: true, station: { select: { name: true } } } },
} satisfies Prisma.RestaurantSelect;

/** What placing an order reads of its restaurant: ordering settings, contact, first kitchen, menu items. */
export type RestaurantForOrders = Prisma.RestaurantGetPayload<{ select: typeof FOR_ORDERS_SELECT }>;

const cache = new Map<string, { seq: number; restaurant: RestaurantForOrders }>();

/**
 * The restaurant an order is placed at, share-locked for the transaction: a pause or any other
 * change of the restaurant waits for the orders being placed, and they for it. What orders read of
 * it is kept in this process by the restaurant's seq, which every restaurant change moves
 * (restaurant-change.ts), so it is read again only after a change, and never stale under the lock.
 */
export async function lockRestaurantForOrder(tx: Prisma.TransactionClient, slug: string): Promise<RestaurantForOrders | null> {
  const [locked] = await tx.$queryRaw<{ id: string; seq: number }[]>`SELECT id, seq FROM "Restaurant" WHERE slug = ${slug} FOR SHARE`;
  if (!locked) return null;
  const cached = cache.get(locked.id);
  if (cached?.seq === locked.seq) return cached.restaurant;
  const restaurant = await tx.restaurant.findUniqueOrThrow({ where: { id: locked.id }, select: FOR_ORDERS_SELECT });
  cache.set(locked.id, { seq: locked.seq, restaurant });
  return restaurant;
}
