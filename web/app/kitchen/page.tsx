import type { Metadata } from "next";
import { KitchenScreen } from "@/client/kitchen-board.tsx";
import { db } from "@/db.ts";
import { realtimeUrl } from "@/realtime-url.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kitchen display · Orderly" };

export default async function KitchenPage() {
  const restaurants = await db().restaurant.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
  return (
    <div className="theme-dark">
      <KitchenScreen realtimeUrl={await realtimeUrl()} restaurants={restaurants} />
    </div>
  );
}
