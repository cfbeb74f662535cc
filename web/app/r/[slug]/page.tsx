import type { Menu } from "@orderly/shared";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderForm } from "@/client/order-form.tsx";
import { db } from "@/db.ts";

export const dynamic = "force-dynamic";

export default async function RestaurantPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const restaurant = await db().restaurant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, address: true, phone: true },
  });
  if (!restaurant) notFound();
  const items = await db().menuItem.findMany({
    where: { restaurantId: restaurant.id, available: true },
    select: { id: true, name: true, description: true, category: true, pricePaise: true, prepMinutes: true },
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
  const menu: Menu = {
    restaurant,
    categories: [...new Set(items.map((i) => i.category))].map((name) => ({ name, items: items.filter((i) => i.category === name) })),
  };
  return (
    <main className="wide">
      <p>
        <Link href="/">← Restaurants</Link>
      </p>
      <h1>{restaurant.name}</h1>
      <OrderForm menu={menu} />
    </main>
  );
}
