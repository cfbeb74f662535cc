import type { Menu } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import { ORDERING_SELECT, orderingState } from "./ordering-state.ts";

/**
 * A restaurant's whole menu (sold-out items included, marked), categories and items in their sort
 * order, and whether it takes orders now: for the menu page, the API and every restaurant update.
 */
export async function loadMenu(client: Prisma.TransactionClient, where: Prisma.RestaurantWhereUniqueInput, now = new Date()): Promise<Menu | null> {
  const restaurant = await client.restaurant.findUnique({
    where,
    select: {
      ...ORDERING_SELECT,
      slug: true,
      name: true,
      address: true,
      phone: true,
      seq: true,
      categories: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { name: true, items: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }] } },
      },
    },
  });
  if (!restaurant) return null;
  const { id, slug, name, address, phone, timeZone } = restaurant;
  return {
    restaurant: { id, slug, name, address, phone, timeZone },
    seq: restaurant.seq,
    categories: restaurant.categories
      .filter((c) => c.items.length > 0)
      .map((c) => ({
        name: c.name,
        items: c.items.map((i) => ({
          id: i.id,
          name: i.name,
          description: i.description,
          category: c.name,
          pricePaise: i.pricePaise,
          prepMinutes: i.prepMinutes,
          available: i.available,
          soldOutUntil: i.soldOutUntil?.toISOString() ?? null,
        })),
      })),
    ordering: await orderingState(client, restaurant, now),
  };
}
