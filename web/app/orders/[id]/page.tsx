import { OrderStatusPage } from "@/client/order-status.tsx";
import { realtimeUrl } from "@/realtime-url.ts";

export const dynamic = "force-dynamic";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main>
      <OrderStatusPage orderId={id} realtimeUrl={await realtimeUrl()} />
    </main>
  );
}
