import type { Metadata } from "next";
import { headers } from "next/headers";
import { ManageScreen } from "@/client/manage-screen.tsx";
import { db } from "@/db.ts";
import { realtimeUrlFor } from "@/realtime-url.ts";

export const metadata: Metadata = { title: "Service — Orderly" };

export default async function ManagePage() {
  const restaurants = await db().restaurant.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
  return (
    <div className="theme-dark">
      <ManageScreen realtimeUrl={realtimeUrlFor(await headers())} restaurants={restaurants} />
    </div>
  );
}
