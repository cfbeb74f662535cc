import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db.ts";

export const metadata: Metadata = { title: "Order from Malabar Table" };

export default async function Home() {
  const restaurants = await db().restaurant.findMany({ orderBy: { name: "asc" } });
  return (
    <main>
      <h1>Order from Malabar Table</h1>
      <p className="muted">Choose a restaurant, order, and watch your food come to you live.</p>
      <ul className="restaurants">
        {restaurants.map((r) => (
          <li key={r.id}>
            <Link href={`/r/${r.slug}`}>{r.name}</Link>
            <p className="muted">{r.address}</p>
          </li>
        ))}
      </ul>
      <footer className="staff-links">
        Staff: <Link href="/kitchen">Kitchen display</Link> · <Link href="/delivery">Delivery</Link>
      </footer>
    </main>
  );
}
