import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderForm } from "@/client/order-form.tsx";
import { loadMenu } from "@/menu.ts";

export const dynamic = "force-dynamic";

export default async function RestaurantPage({ params }: { params: Promise<{ slug: string }> }) {
  const menu = await loadMenu((await params).slug);
  if (!menu) notFound();
  return (
    <main className="wide">
      <p>
        <Link href="/">← Restaurants</Link>
      </p>
      <h1>{menu.restaurant.name}</h1>
      <OrderForm menu={menu} />
    </main>
  );
}
