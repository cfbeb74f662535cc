import type { Metadata } from "next";
import { headers } from "next/headers";
import { KitchenScreen } from "@/client/kitchen-screen.tsx";
import { db } from "@/db.ts";
import { realtimeUrlFor } from "@/realtime-url.ts";

export const metadata: Metadata = { title: "Kitchen display — Orderly" };

export default async function KitchenPage() {
  const restaurants = await db().restaurant.findMany({
    select: { slug: true, name: true, stations: { select: { id: true, name: true }, orderBy: { position: "asc" } } },
    orderBy: { name: "asc" },
  });
  return (
    <div className="theme-dark">
      <KitchenScreen realtimeUrl={realtimeUrlFor(await headers())} restaurants={restaurants} />
    </div>
  );
}
