import { randomUUID } from "node:crypto";
import type { Menu, OrderUpdate, PlaceOrderResponse, TicketList, TokenResponse } from "@orderly/shared";
import { signToken } from "@orderly/shared/server";
import type { Socket } from "socket.io-client";
import { closeAll, connectMany } from "./sockets.ts";
import { figures, paced, sleep, type Figures, type Sample } from "./stats.ts";

export interface OrderStep {
  rate: number;
  placed: number;
  failed: number;
  /** How long POST /api/orders took to answer: the part of order → kitchen spent before the commit. */
  answered: Figures;
  toKitchen: Figures;
  toCustomer: Figures;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * End to end: POST /api/orders → new_order at the kitchen's socket, and POST a transition →
 * status_update at the customer's socket, with `idle` other sockets connected throughout.
 */
export async function orderLatency(options: {
  webUrl: string;
  realtimeUrl: string;
  jwtSecret: string;
  idle: number;
  rates: number[];
  seconds: number;
}): Promise<OrderStep[]> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${options.webUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const slug = "fort-kochi";
  const login = await json<TokenResponse>(`${options.webUrl}/api/auth/staff`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ restaurantSlug: slug, login: "kitchen", password: "orderly-demo" }),
  });
  const menu = await json<Menu>(`${options.webUrl}/api/restaurants/${slug}/menu`);
  const item = menu.categories[0]!.items[0]!;

  const idle = await connectMany(options.realtimeUrl, options.idle, () => ({
    token: signToken({ role: "customer", sub: randomUUID(), orderIds: [randomUUID()] }, options.jwtSecret, 3600).token,
  }));
  const kitchen = await connectMany(options.realtimeUrl, 1, () => ({ token: login.token }));
  const watchers = await connectMany(options.realtimeUrl, 50, () => ({
    token: signToken({ role: "customer", sub: randomUUID(), orderIds: [randomUUID()] }, options.jwtSecret, 3600).token,
  }));

  const placedAt = new Map<string, number>();
  const movedAt = new Map<string, number>();
  let toKitchen: Sample[] = [];
  let toCustomer: Sample[] = [];
  let answered: Sample[] = [];
  kitchen.sockets[0]!.on("new_order", (u: OrderUpdate) => {
    const t0 = placedAt.get(u.ticket.customerName);
    if (t0 !== undefined) toKitchen.push({ at: Date.now(), ms: performance.now() - t0 });
  });
  for (const w of watchers.sockets) {
    w.on("status_update", (u: OrderUpdate) => {
      const t1 = movedAt.get(u.event.orderId);
      if (t1 !== undefined && u.ticket.status === "ACCEPTED") toCustomer.push({ at: Date.now(), ms: performance.now() - t1 });
    });
  }

  const steps: OrderStep[] = [];
  let n = 0;
  try {
    // A first, unreported step warms up the servers (JIT, connection pools, route compilation).
    for (const rate of [-20, ...options.rates]) {
      toKitchen = [];
      toCustomer = [];
      answered = [];
      let placed = 0;
      let failed = 0;
      const inFlight: Promise<void>[] = [];
      const one = async (i: number, watcher: Socket) => {
        const name = `Bench ${i}`;
        placedAt.set(name, performance.now());
        const response = await post(
          "/api/orders",
          { restaurantSlug: slug, customer: { name, phone: "9847012345" }, fulfilment: "PICKUP", items: [{ menuItemId: item.id, quantity: 1 }] },
          { "Idempotency-Key": randomUUID() },
        );
        answered.push({ at: Date.now(), ms: performance.now() - placedAt.get(name)! });
        if (response.status !== 201) {
          failed++;
          return;
        }
        placed++;
        const { order, customerToken } = (await response.json()) as PlaceOrderResponse;
        await watcher.emitWithAck("subscribe_order", { orderId: order.ticket.id, token: customerToken });
        movedAt.set(order.ticket.id, performance.now());
        const moved = await post(`/api/orders/${order.ticket.id}/transitions`, { to: "ACCEPTED" }, { authorization: `Bearer ${login.token}` });
        await moved.arrayBuffer();
        if (moved.status !== 200) failed++;
      };
      await paced(Math.abs(rate), rate < 0 ? 3 : options.seconds, (count) => {
        for (let k = 0; k < count; k++, n++) inFlight.push(one(n, watchers.sockets[n % watchers.sockets.length]!).catch(() => void failed++));
      });
      await Promise.all(inFlight);
      await sleep(1500);
      if (rate > 0) steps.push({ rate, placed, failed, answered: figures(answered), toKitchen: figures(toKitchen), toCustomer: figures(toCustomer) });
      // The kitchen's list grows with every step; clear it so each step starts alike.
      const open = await json<TicketList>(`${options.webUrl}/api/kitchens/${login.kitchenId}/orders`, { headers: { authorization: `Bearer ${login.token}` } });
      await Promise.all(open.tickets.map((t) => post(`/api/orders/${t.id}/transitions`, { to: "CANCELLED", reason: { code: "CLOSING_SOON" } }, { authorization: `Bearer ${login.token}` }).then((r) => r.arrayBuffer())));
    }
  } finally {
    closeAll([...idle.sockets, ...kitchen.sockets, ...watchers.sockets]);
  }
  return steps;
}
