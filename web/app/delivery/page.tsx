import type { Metadata } from "next";
import { DeliveryScreen } from "@/client/delivery-list.tsx";
import { db } from "@/db.ts";
import { realtimeUrl } from "@/realtime-url.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delivery · Orderly" };

export default async function DeliveryPage() {
  const restaurants = await db().restaurant.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
  return (
    <main>
      <DeliveryScreen realtimeUrl={await realtimeUrl()} restaurants={restaurants} />
    </main>
  );
}
