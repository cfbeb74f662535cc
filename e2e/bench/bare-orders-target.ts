import { randomUUID } from "node:crypto";
import { kitchenRoom, orderRoom, type OrderStatus } from "@orderly/shared";
import { BENCH_RESTAURANT, expectStatus, orderRequest, type OrderTarget } from "./target.ts";

/** The floor (bare-orders.ts) driven like Orderly: the same bodies, no tokens; sockets name their rooms. */
export async function bareOrdersTarget(url: string): Promise<OrderTarget> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const { kitchenId, menuItemId } = (await (await fetch(`${url}/restaurants/${BENCH_RESTAURANT}`)).json()) as { kitchenId: string; menuItemId: string };
  return {
    name: "floor",
    socketUrl: url,
    kitchenAuth: { rooms: [kitchenRoom(kitchenId)] },
    customerAuth: () => ({ rooms: [orderRoom(randomUUID())] }),
    async place(customerName) {
      const response = await post("/orders", orderRequest(customerName, menuItemId), { "Idempotency-Key": randomUUID() });
      await expectStatus(response, 201, "place");
      const { id } = (await response.json()) as { id: string };
      return {
        id,
        async subscribe(socket) {
          await socket.emitWithAck("subscribe_order", { orderId: id });
        },
      };
    },
    async move(orderId, to: OrderStatus) {
      const response = await post(`/orders/${orderId}/transitions`, { to });
      await expectStatus(response, 200, "move");
      return ((await response.json()) as { seq: number }).seq;
    },
  };
}
