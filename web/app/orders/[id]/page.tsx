import type { Metadata } from "next";
import { headers } from "next/headers";
import { OrderStatusPage } from "@/client/order-status.tsx";
import { realtimeUrlFor } from "@/realtime-url.ts";

export const metadata: Metadata = { title: "Your order — Orderly" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main>
      <OrderStatusPage orderId={id} realtimeUrl={realtimeUrlFor(await headers())} />
    </main>
  );
}
