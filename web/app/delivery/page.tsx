import type { Metadata } from "next";
import { headers } from "next/headers";
import { DeliveryScreen } from "@/client/delivery-list.tsx";
import { db } from "@/db.ts";
import { realtimeUrlFor } from "@/realtime-url.ts";

export const metadata: Metadata = { title: "Delivery — Orderly" };

export default async function DeliveryPage() {
  const restaurants = await db().restaurant.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
  return (
    <main>
      <DeliveryScreen realtimeUrl={realtimeUrlFor(await headers())} restaurants={restaurants} />
    </main>
  );
}
