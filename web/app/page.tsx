import Link from "next/link";

export default function Home() {
  return (
    <main>
      <h1>Orderly</h1>
      <ul className="screens">
        <li>
          <Link href="/">Order food</Link>
          <p>Customers choose a restaurant, order, and watch the order move live.</p>
        </li>
        <li>
          <Link href="/kitchen">Kitchen display</Link>
          <p>Tickets appear the moment an order is placed. Staff login: kitchen.</p>
        </li>
        <li>
          <Link href="/delivery">Delivery</Link>
          <p>Pickup alerts for couriers, one-handed on a phone. Staff login: delivery.</p>
        </li>
      </ul>
    </main>
  );
}
