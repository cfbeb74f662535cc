import { randomUUID } from "node:crypto";
import type { Ack, Menu, OrderSnapshot, OrderStatus, PlaceOrderResponse, TokenResponse } from "@orderly/shared";
import { signToken } from "@orderly/shared/server";
import { BENCH_RESTAURANT, expectStatus, orderRequest, type OrderTarget } from "./target.ts";

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Orderly as a customer and its kitchen use it: HTTP to web, sockets to the realtime server with tokens. */
export async function orderlyTarget(options: { webUrl: string; realtimeUrl: string; jwtSecret: string }): Promise<OrderTarget> {
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${options.webUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const login = await json<TokenResponse>(`${options.webUrl}/api/auth/staff`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ restaurantSlug: BENCH_RESTAURANT, login: "kitchen", password: "orderly-demo" }),
  });
  const menu = await json<Menu>(`${options.webUrl}/api/restaurants/${BENCH_RESTAURANT}/menu`);
  const item = menu.categories[0]!.items[0]!;
  return {
    name: "Orderly",
    socketUrl: options.realtimeUrl,
    kitchenAuth: { token: login.token },
    customerAuth: () => ({ token: signToken({ role: "customer", sub: randomUUID(), orderIds: [randomUUID()] }, options.jwtSecret, 3600).token }),
    async place(customerName) {
      const response = await post("/api/orders", orderRequest(customerName, item.id), { "Idempotency-Key": randomUUID() });
      await expectStatus(response, 201, "place");
      const { order, customerToken } = (await response.json()) as PlaceOrderResponse;
      return {
        id: order.ticket.id,
        async subscribe(socket) {
          const ack = (await socket.emitWithAck("subscribe_order", { orderId: order.ticket.id, token: customerToken })) as Ack;
          if (!ack.ok) throw new Error(`subscribe_order: ${ack.error}`);
        },
      };
    },
    async move(orderId, to: OrderStatus) {
      const body = to === "CANCELLED" ? { to, reason: { code: "CLOSING_SOON" } } : { to };
      const response = await post(`/api/orders/${orderId}/transitions`, body, { authorization: `Bearer ${login.token}` });
      await expectStatus(response, 200, "move");
      return ((await response.json()) as OrderSnapshot).seq;
    },
  };
}
