import { internalHeaders } from "@orderly/shared/server";
import { describe, expect, it } from "vitest";
import { INTERNAL_SECRET, connected, ids, next, post, startServer, token, update } from "./helpers.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("two instances on the Redis adapter", () => {
  it("delivers an event posted to one instance to a socket on the other, and refuses a replay to either", async () => {
    const a = ids();
    const instanceA = await startServer({ REDIS_URL });
    const instanceB = await startServer({ REDIS_URL });
    const onB = await connected(instanceB.port, { token: token({ role: "kitchen", sub: a.staffId, restaurantId: a.restaurantId, kitchenId: a.kitchenId }) });
    const onA = await connected(instanceA.port, { token: token({ role: "delivery", sub: a.staffId, restaurantId: a.restaurantId }) });

    const placed = update(a);
    const arrival = next(onB, "new_order");
    expect((await post(instanceA.port, { events: [placed] })).status).toBe(202);
    expect(await arrival).toEqual(placed);

    const ready = update(a, { orderId: placed.ticket.id, seq: 4, from: "PREPARING", to: "READY" });
    const pickup = next(onA, "pickup_ready");
    const raw = JSON.stringify({ events: [ready] });
    const headers = internalHeaders(INTERNAL_SECRET, raw);
    expect((await post(instanceB.port, raw, headers)).status).toBe(202);
    expect((await pickup).event.id).toBe(ready.event.id);
    expect((await post(instanceA.port, raw, headers)).status).toBe(401);

    const health = await fetch(`http://127.0.0.1:${instanceA.port}/healthz`).then((r) => r.json());
    expect(health).toEqual({ status: "ok", redis: "ok" });
  });
});
