import { randomUUID } from "node:crypto";
import type { Menu, OrderSnapshot, OrderStatus } from "@orderly/shared";
import { request, retrying, sleep } from "./http.ts";

export interface Restaurant {
  slug: string;
  kitchenToken: string;
  courierToken: string;
  menu: Menu;
}

export interface DrivenOrder {
  key: string;
  slug: string;
  id?: string;
  /** The order was acknowledged (2xx) to the client. */
  acknowledged: boolean;
  finalStatus?: OrderStatus;
  error?: string;
}

const DELIVERY_PATH: OrderStatus[] = ["ACCEPTED", "PREPARING", "READY", "OUT_FOR_DELIVERY", "DELIVERED"];
const PICKUP_PATH: OrderStatus[] = ["ACCEPTED", "PREPARING", "READY", "COLLECTED"];

/**
 * Places orders over HTTP and drives each through its lifecycle the way staff would, retrying
 * network errors and 5xx with the same Idempotency-Key (orders) or after checking where the order
 * stands (transitions), as a real client on a flaky link must.
 */
export class Driver {
  readonly orders: DrivenOrder[] = [];
  private running: Promise<void>[] = [];

  constructor(
    private readonly webUrl: string,
    private readonly restaurants: Restaurant[],
    private readonly onPlaced: (orderId: string) => void,
  ) {}

  start(index: number, deadline: number): void {
    this.running.push(this.drive(index, deadline));
  }

  async finish(): Promise<void> {
    await Promise.all(this.running);
  }

  private async drive(index: number, deadline: number): Promise<void> {
    const restaurant = this.restaurants[index % this.restaurants.length]!;
    const items = restaurant.menu.categories.flatMap((c) => c.items);
    const fulfilment = index % 3 === 0 ? "PICKUP" : "DELIVERY";
    const order: DrivenOrder = { key: randomUUID(), slug: restaurant.slug, acknowledged: false };
    this.orders.push(order);
    const body = {
      restaurantSlug: restaurant.slug,
      customer: { name: `Chaos ${index}`, phone: "9847012345" },
      fulfilment,
      ...(fulfilment === "DELIVERY" && { deliveryAddress: `${index} Chaos Lane, Kochi` }),
      items: [{ menuItemId: items[index % items.length]!.id, quantity: 1 + (index % 3) }],
    };
    const placed = await retrying(
      () => request(`${this.webUrl}/api/orders`, { body, headers: { "Idempotency-Key": order.key } }),
      deadline,
    );
    if (placed.status !== 201 && placed.status !== 200) {
      order.error = `place: ${placed.status} ${JSON.stringify(placed.body?.error ?? "")}`;
      return;
    }
    order.acknowledged = true;
    order.id = placed.body.order.ticket.id;
    this.onPlaced(order.id!);

    for (const to of fulfilment === "DELIVERY" ? DELIVERY_PATH : PICKUP_PATH) {
      await sleep(100 + Math.random() * 400);
      const token = to === "OUT_FOR_DELIVERY" || to === "DELIVERED" ? restaurant.courierToken : restaurant.kitchenToken;
      if (!(await this.move(order.id!, to, token, deadline))) {
        order.error = `could not move to ${to}`;
        return;
      }
    }
    order.finalStatus = fulfilment === "DELIVERY" ? "DELIVERED" : "COLLECTED";
  }

  /** True once the order is at `to`, whether this attempt or an earlier lost one moved it. */
  private async move(id: string, to: OrderStatus, token: string, deadline: number): Promise<boolean> {
    while (Date.now() < deadline) {
      const moved = await retrying(() => request(`${this.webUrl}/api/orders/${id}/transitions`, { body: { to }, token }), deadline);
      if (moved.status === 200) return true;
      const snapshot = await retrying(() => request(`${this.webUrl}/api/orders/${id}`, { token }), deadline);
      if (snapshot.status === 200 && (snapshot.body as OrderSnapshot).ticket.status === to) return true;
      await sleep(200);
    }
    return false;
  }
}
