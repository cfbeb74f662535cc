import { randomUUID } from "node:crypto";
import type { AppErrorCode, Menu, OrderSnapshot, OrderStatus, Ticket } from "@orderly/shared";
import { request, retrying, sleep } from "./http.ts";

export interface Restaurant {
  slug: string;
  kitchenToken: string;
  courierToken: string;
  /** A station screen's token for each of the kitchen's stations, by station id. */
  stationTokens: Map<string, string>;
  menu: Menu;
}

/** What the menu toggler makes the restaurant answer: a refused order, never a lost one. */
const REFUSALS: AppErrorCode[] = ["UNAVAILABLE_ITEMS", "RESTAURANT_PAUSED"];

export interface DrivenOrder {
  key: string;
  slug: string;
  id?: string;
  /** The order was acknowledged (2xx) to the client. */
  acknowledged: boolean;
  /** The restaurant refused it: an item sold out or ordering paused. */
  refused?: AppErrorCode;
  finalStatus?: OrderStatus;
  error?: string;
}

/**
 * Places orders over HTTP (noting those the restaurant refuses: an item sold out, ordering paused)
 * and drives each through its lifecycle the way staff would (the kitchen accepts, each station
 * bumps its items, the expo bumps READY where there is one, every fourth order is recalled from
 * READY and bumped again, a courier shares a position on the way and hands it over with the
 * customer's PIN, or the counter finishes it), retrying
 * network errors and 5xx with the same Idempotency-Key (orders) or after checking where the order
 * stands (moves and bumps), as a real client on a flaky link must.
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
      items: [...new Set([items[index % items.length]!.id, items[(index * 7 + 3) % items.length]!.id])].map((menuItemId) => ({ menuItemId, quantity: 1 + (index % 3) })),
    };
    const placed = await retrying(
      () => request(`${this.webUrl}/api/orders`, { body, headers: { "Idempotency-Key": order.key } }),
      deadline,
    );
    const code = placed.body?.error?.code as AppErrorCode | undefined;
    if (code && REFUSALS.includes(code)) {
      order.refused = code;
      return;
    }
    if (placed.status !== 201 && placed.status !== 200) {
      order.error = `place: ${placed.status} ${JSON.stringify(placed.body?.error ?? "")}`;
      return;
    }
    order.acknowledged = true;
    const snapshot = (placed.body as { order: OrderSnapshot }).order;
    const ticket = snapshot.ticket;
    order.id = ticket.id;
    this.onPlaced(ticket.id);

    const { kitchenToken, courierToken } = restaurant;
    const steps: (() => Promise<boolean>)[] = [
      () => this.move(ticket.id, "ACCEPTED", kitchenToken, deadline),
      ...ticket.items.map((item) => () => this.bump(ticket.id, item.id, restaurant.stationTokens.get(item.stationId)!, deadline)),
      // Without expo the last bump made it READY; this finds it so.
      () => this.move(ticket.id, "READY", kitchenToken, deadline),
      ...(index % 4 === 1 ? [() => this.move(ticket.id, "PREPARING", kitchenToken, deadline), () => this.move(ticket.id, "READY", kitchenToken, deadline)] : []),
      ...(fulfilment === "DELIVERY"
        ? [
            () => this.move(ticket.id, "OUT_FOR_DELIVERY", courierToken, deadline),
            () => this.ride(ticket.id, courierToken, deadline),
            () => this.move(ticket.id, "DELIVERED", courierToken, deadline, { pin: snapshot.deliveryPin, cashCollected: true }),
          ]
        : [() => this.move(ticket.id, "COLLECTED", kitchenToken, deadline)]),
    ];
    for (const [i, step] of steps.entries()) {
      await sleep(100 + Math.random() * 400);
      if (!(await step())) {
        order.error = `step ${i + 1} of ${steps.length} failed`;
        return;
      }
    }
    order.finalStatus = fulfilment === "DELIVERY" ? "DELIVERED" : "COLLECTED";
  }

  /** True once the item is done, whether this attempt or an earlier lost one bumped it. */
  private bump(id: string, itemId: string, token: string, deadline: number): Promise<boolean> {
    const bumped = () => request(`${this.webUrl}/api/orders/${id}/items/${itemId}`, { body: { done: true }, token });
    return this.until(deadline, token, id, bumped, (ticket) => ticket.items.some((i) => i.id === itemId && i.doneAt !== null));
  }

  /** True once the order is at `to`, whether this attempt or an earlier lost one moved it. */
  private move(id: string, to: OrderStatus, token: string, deadline: number, handover = {}): Promise<boolean> {
    const moved = () => request(`${this.webUrl}/api/orders/${id}/transitions`, { body: { to, ...handover }, token });
    return this.until(deadline, token, id, moved, (ticket) => ticket.status === to);
  }

  /** The courier's phone shares a position on the way (volatile: one lost to a fault is not retried). */
  private async ride(id: string, token: string, deadline: number): Promise<boolean> {
    const position = () => ({ latitude: 9.96 + Math.random() / 100, longitude: 76.24 + Math.random() / 100, at: new Date().toISOString() });
    const sent = await retrying(() => request(`${this.webUrl}/api/orders/${id}/position`, { body: position(), token }), deadline);
    return sent.status === 202 || sent.status === 429;
  }

  /** Tries `act` until it answers 200 or the order's snapshot shows `reached`. */
  private async until(deadline: number, token: string, id: string, act: () => ReturnType<typeof request>, reached: (ticket: Ticket) => boolean): Promise<boolean> {
    while (Date.now() < deadline) {
      if ((await retrying(act, deadline)).status === 200) return true;
      const snapshot = await retrying(() => request(`${this.webUrl}/api/orders/${id}`, { token }), deadline);
      if (snapshot.status === 200 && reached((snapshot.body as OrderSnapshot).ticket)) return true;
      await sleep(200);
    }
    return false;
  }
}
