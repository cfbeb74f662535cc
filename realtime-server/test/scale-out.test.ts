import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { internalHeaders } from "@orderly/shared/server";
import { describe, expect, it } from "vitest";
import {
  INTERNAL_SECRET,
  client,
  connectError,
  connected,
  deliveryClaims,
  ids,
  kitchenClaims,
  next,
  post,
  startServer,
  token,
  update,
} from "./helpers.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A port nothing listens on now (the system picks it), for a child that needs one on its command line. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("two instances on the Redis adapter", () => {
  it("delivers an event posted to one instance to a socket on the other, and refuses a replay to either", async () => {
    const a = ids();
    const instanceA = await startServer({ REDIS_URL });
    const instanceB = await startServer({ REDIS_URL });
    const onB = await connected(instanceB.port, { token: token(kitchenClaims(a)) });
    const onA = await connected(instanceA.port, { token: token(deliveryClaims(a)) });

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

describe("limits on Redis", () => {
  it("share each address's handshake budget and each subject's event budget across instances", async () => {
    const limits = { REDIS_URL, TRUST_PROXY: "1", HANDSHAKES_PER_ADDRESS_PER_MINUTE: "3", RATE_LIMIT_SOCKET_EVENTS: "4", RATE_LIMIT_SOCKET_WINDOW_SECONDS: "60" };
    const instanceA = await startServer(limits);
    const instanceB = await startServer(limits);
    // A fresh address per run: the budget lives in Redis for a minute.
    const extraHeaders = { "x-forwarded-for": `10.${[...randomBytes(3)].join(".")}` };
    const claims = kitchenClaims(ids());
    const onA = await connected(instanceA.port, { token: token(claims) }, { extraHeaders });
    const onB = await connected(instanceB.port, { token: token(claims) }, { extraHeaders });
    await connected(instanceB.port, { token: token(kitchenClaims(ids())) }, { extraHeaders });
    expect((await connectError(instanceA.port, { token: token(kitchenClaims(ids())) }, { extraHeaders })).message).toBe("websocket error");

    const results = await Promise.all([onA, onB, onA, onB, onA, onB].map((s) => s.emitWithAck("subscribe_order", { orderId: randomUUID() })));
    expect(results.filter((r) => r.ok === false && r.error === "rate limited")).toHaveLength(2);
  });
});

describe("a Redis restart", () => {
  it("does not crash the instances, and fan-out across them resumes", async () => {
    const { startChild, waitForPort } = await import("../../scripts/processes.ts");
    const port = await freePort();
    const launch = () => startChild("redis", "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { quiet: true });
    let redis = launch();
    try {
      await waitForPort(port, "127.0.0.1", redis);
      const url = `redis://127.0.0.1:${port}`;
      const a = ids();
      const instanceA = await startServer({ REDIS_URL: url });
      const instanceB = await startServer({ REDIS_URL: url });
      const onB = client(instanceB.port, { token: token(kitchenClaims(a)) }, { reconnection: true });
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
