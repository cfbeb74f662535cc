import type { Metadata } from "next";
import { ReportsScreen } from "@/client/reports-screen.tsx";
import { db } from "@/db.ts";

export const metadata: Metadata = { title: "Reports — Orderly" };

export default async function ReportsPage() {
  const restaurants = await db().restaurant.findMany({ select: { slug: true, name: true, timeZone: true }, orderBy: { name: "asc" } });
  return (
    <main className="wide reports">
      <ReportsScreen restaurants={restaurants} />
    </main>
  );
}
