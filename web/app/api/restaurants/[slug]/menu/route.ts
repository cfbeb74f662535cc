import type { Menu } from "@orderly/shared";
import { db } from "@/db.ts";
import { notFound } from "@/http/http-error.ts";
import { route } from "@/http/route.ts";

export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async (_request, { slug }) => {
  const restaurant = await db().restaurant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, address: true, phone: true },
  });
  if (!restaurant) throw notFound("Restaurant");
  const items = await db().menuItem.findMany({
    where: { restaurantId: restaurant.id, available: true },
    select: { id: true, name: true, description: true, category: true, pricePaise: true, prepMinutes: true },
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
  const categories = [...new Set(items.map((i) => i.category))].map((name) => ({ name, items: items.filter((i) => i.category === name) }));
  return Response.json({ restaurant, categories } satisfies Menu);
});
