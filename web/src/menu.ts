import type { Menu } from "@orderly/shared";
import { db } from "./db.ts";

/** A restaurant's available menu by category, for the API and the ordering page alike. */
export async function loadMenu(slug: string): Promise<Menu | null> {
  const restaurant = await db().restaurant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, address: true, phone: true },
  });
  if (!restaurant) return null;
  const items = await db().menuItem.findMany({
    where: { restaurantId: restaurant.id, available: true },
    select: { id: true, name: true, description: true, category: true, pricePaise: true, prepMinutes: true },
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
  const categories = [...new Set(items.map((i) => i.category))].map((name) => ({ name, items: items.filter((i) => i.category === name) }));
  return { restaurant, categories };
}
