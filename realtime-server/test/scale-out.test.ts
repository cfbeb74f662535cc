import { internalHeaders } from "@orderly/shared/server";
import { describe, expect, it } from "vitest";
import { INTERNAL_SECRET, client, connected, ids, next, post, startServer, token, update } from "./helpers.ts";

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

describe("a Redis restart", () => {
  it("does not crash the instances, and fan-out across them resumes", async () => {
    const { startChild, waitForPort } = await import("../../scripts/processes.ts");
    const port = 3290 + Math.floor(Math.random() * 9);
    const launch = () => startChild("redis", "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { quiet: true });
    let redis = launch();
    try {
      await waitForPort(port, "127.0.0.1", redis);
      const url = `redis://127.0.0.1:${port}`;
      const a = ids();
      const instanceA = await startServer({ REDIS_URL: url });
      const instanceB = await startServer({ REDIS_URL: url });
      const onB = client(instanceB.port, { token: token({ role: "kitchen", sub: a.staffId, restaurantId: a.restaurantId, kitchenId: a.kitchenId }) }, { reconnection: true });
      await new Promise<void>((resolve) => onB.once("connect", () => resolve()));

      redis.process.kill("SIGKILL");
      await redis.exited;
      redis = launch();
      await waitForPort(port, "127.0.0.1", redis);

      // Poll until an event posted to A reaches B again: the adapter has resubscribed.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const placed = update(a);
        const arrival = next(onB, "new_order", 500).catch(() => undefined);
        await post(instanceA.port, { events: [placed] });
        if ((await arrival)?.event.id === placed.event.id) break;
        if (Date.now() > deadline) throw new Error("fan-out did not resume after the Redis restart");
      }
      expect(await fetch(`http://127.0.0.1:${instanceA.port}/healthz`).then((r) => r.json())).toEqual({ status: "ok", redis: "ok" });
    } finally {
      redis.process.kill("SIGKILL");
    }
  });
});
