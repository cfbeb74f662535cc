import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { OrderForm } from "@/client/order-form.tsx";
import { screenTitle } from "@/screen-title.ts";
import { db } from "@/db.ts";
import { realtimeUrlFor } from "@/realtime-url.ts";
import { loadMenu } from "@/restaurants/menu.ts";

type Props = { params: Promise<{ slug: string }> };

/** Read once per request: the page and its title share it. */
const menuOf = cache((slug: string) => loadMenu(db(), { slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const menu = await menuOf((await params).slug);
  return { title: menu ? screenTitle("Menu", menu.restaurant.name) : "Restaurant not found" };
}

export default async function RestaurantPage({ params }: Props) {
  const menu = await menuOf((await params).slug);
  if (!menu) notFound();
  return (
    <main className="wide">
      <p>
        <Link href="/" className="back-link">
          ← Restaurants
        </Link>
      </p>
      <h1>{menu.restaurant.name}</h1>
      <OrderForm initialMenu={menu} realtimeUrl={realtimeUrlFor(await headers())} />
    </main>
  );
}
