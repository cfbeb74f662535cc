import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { ClientToServerEvents, InternalEventBatch, OrderUpdate, ServerToClientEvents } from "@orderly/shared";
import { createPrismaClient } from "@orderly/prisma";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/src/app.ts";
import { realtimeEnvSchema } from "../../realtime-server/src/config.ts";
import { createLogger } from "../../realtime-server/src/logger.ts";
import { until } from "../../scripts/processes.ts";
import { log } from "@/log.ts";
import { OutboxRelay } from "@/outbox/outbox-relay.ts";
import { outboxRelay } from "@/outbox/relay.ts";
import { INTERNAL_SECRET, JWT_SECRET, login, move, orderBody, place, setupWeb, type Fixture } from "./helpers.ts";

/** Stands in for the realtime server where a test must hold a POST open: records each batch, answers when let go. */
class HeldRealtime {
  readonly batches: InternalEventBatch[] = [];
  private waiting: ServerResponse[] = [];
  holding = true;
  readonly server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      this.batches.push(JSON.parse(Buffer.concat(chunks).toString()));
      if (this.holding) this.waiting.push(res);
      else res.writeHead(202).end();
    });
  });
  release(): void {
    this.holding = false;
    for (const res of this.waiting.splice(0)) res.writeHead(202).end();
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }
}

let f: Fixture;
let held: HeldRealtime;
let realtime: RealtimeServer;
let kitchen: Socket<ServerToClientEvents, ClientToServerEvents>;
const received: OrderUpdate[] = [];

beforeAll(async () => {
  held = new HeldRealtime();
  await new Promise<void>((resolve) => held.server.listen(0, "127.0.0.1", resolve));
  // This process's relay posts to the held stand-in; the relays a test starts itself post to the real server.
  f = await setupWeb("web_outbox_claims", { REALTIME_INTERNAL_URL: held.url, RATE_LIMIT_ORDERS_PER_MINUTE: "1000" });
  realtime = await startRealtimeServer(realtimeEnvSchema.parse({ JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent" }), { port: 0, logger: createLogger("silent") });
  const staff = await login(f.restaurants[0]!.slug, "kitchen");
  kitchen = connect(`http://127.0.0.1:${realtime.port}`, { auth: { token: staff.token }, transports: ["websocket"] });
  kitchen.on("new_order", (u) => received.push(u));
  kitchen.on("status_update", (u) => received.push(u));
  await new Promise<void>((resolve) => kitchen.once("connect", () => resolve()));
});
afterAll(async () => {
  held?.release();
  kitchen?.disconnect();
  await realtime?.close();
  await f?.close();
  held?.server.close();
});

const events = (orderId: string) => f.prisma.orderEvent.findMany({ where: { orderId }, orderBy: { seq: "asc" } });
const kitchenToken = async () => (await login(f.restaurants[0]!.slug, "kitchen")).token;
const pickup = () => orderBody(f, { fulfilment: "PICKUP", deliveryAddress: undefined });

/** A relay of another web process: its own connection pool, posting to the real realtime server (through a slow link, with `delayMs`). */
async function otherProcessRelay(delayMs = 0): Promise<{ relay: OutboxRelay; close(): Promise<void> }> {
  const target = `http://127.0.0.1:${realtime.port}`;
  const link = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name.startsWith("x-") || name === "content-type")) as Record<string, string>;
      const answer = await fetch(new URL(req.url!, target), { method: "POST", headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => link.listen(0, "127.0.0.1", resolve));
  const prisma = createPrismaClient(f.database.url, { maxConnections: 2 });
  const realtimeUrl = `http://127.0.0.1:${(link.address() as { port: number }).port}`;
  const relay = new OutboxRelay({ prisma, realtimeUrl, internalSecret: INTERNAL_SECRET, log: log(), pollMs: 50, maxBackoffMs: 200 });
  return {
    relay,
    close: async () => {
      await relay.stop();
      await prisma.$disconnect();
      link.close();
    },
  };
}

describe("the outbox relay: claim, post, mark", () => {
  it("publishes a writer's own events with no transaction or lock open during the POST, in seq order", async () => {
    const staff = await kitchenToken();
    const id = (await place(f, pickup())).body.order.ticket.id;
    await until(async () => held.batches.length === 1);
    // While that POST is held, the order moves on: its pending event is this process's, so the move's event is claimed here too and queued behind it.
    expect((await move(id, "ACCEPTED", staff)).status).toBe(200);
    const rows = await events(id);
    expect(rows.map((e) => [e.seq, e.publishedAt, e.claimedUntil !== null])).toEqual([
      [1, null, true],
      [2, null, true],
    ]);
    const [{ open }] = await f.prisma.$queryRaw<[{ open: bigint }]>`
      SELECT count(*) AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
    expect(Number(open)).toBe(0);
    const [{ advisory }] = await f.prisma.$queryRaw<[{ advisory: bigint }]>`
      SELECT count(*) AS advisory FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
    expect(Number(advisory)).toBe(0);

    held.release();
    await until(async () => (await events(id)).every((e) => e.publishedAt !== null && e.claimedUntil === null));
    expect(held.batches.flatMap((b) => b.events ?? []).filter((u) => u.ticket.id === id).map((u) => u.event.seq)).toEqual([1, 2]);
  });

  it("still takes up what another relay left while its own process writes without a pause", async () => {
    // An order another process's relay claimed and then died with: its claim runs out in 300 ms.
    const orphan = (await place(f, pickup())).body.order.ticket.id;
    await until(async () => (await events(orphan))[0]!.publishedAt !== null);
    await f.prisma.orderEvent.updateMany({ where: { orderId: orphan }, data: { publishedAt: null, claimedUntil: new Date(Date.now() + 300) } });
    let published = false;
    for (let i = 0; i < 60 && !published; i++) {
      expect((await place(f, pickup())).status).toBe(201);
      published = (await events(orphan))[0]!.publishedAt !== null;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(published).toBe(true);
  });

  it("two web processes' relays split the pending orders between them, each order's events once and in seq order", async () => {
    await outboxRelay().stop();
    const staff = await kitchenToken();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await place(f, pickup())).body.order.ticket.id);
    for (const id of ids) expect((await move(id, "ACCEPTED", staff)).status).toBe(200);
    const pending = await f.prisma.orderEvent.count({ where: { orderId: { in: ids }, publishedAt: null, claimedUntil: null } });
    expect(pending).toBe(120);

    // One relay's POSTs are slow, so its claims are still held while the orders move on.
    const [a, b] = [await otherProcessRelay(1000), await otherProcessRelay()];
    try {
      a.relay.start();
      await until(async () => (await f.prisma.orderEvent.count({ where: { orderId: { in: ids }, claimedUntil: { not: null } } })) > 0);
      b.relay.start();
      // More moves while they publish: each must reach the kitchen after the events before it.
      for (const id of ids) expect((await move(id, "PREPARING", staff)).status).toBe(200);
      await until(async () => (await f.prisma.orderEvent.count({ where: { orderId: { in: ids }, publishedAt: null } })) === 0, 20_000);
      await until(async () => ids.every((id) => received.filter((u) => u.ticket.id === id).length >= 3));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    for (const id of ids) expect(received.filter((u) => u.ticket.id === id).map((u) => u.event.seq)).toEqual([1, 2, 3]);
  });

  it("publishes events again once the claim of a relay that died mid-post has expired", async () => {
    const id = (await place(f, pickup())).body.order.ticket.id;
    await f.prisma.orderEvent.updateMany({ where: { orderId: id }, data: { claimedUntil: new Date(Date.now() + 60_000) } });
    const other = await otherProcessRelay();
    try {
      other.relay.start();
      // An order placed after it, nobody's, goes out: the relay has claimed past the held one.
      const next = (await place(f, pickup())).body.order.ticket.id;
      await until(async () => (await events(next))[0]!.publishedAt !== null);
      expect((await events(id))[0]!.publishedAt).toBeNull();
      await f.prisma.orderEvent.updateMany({ where: { orderId: id }, data: { claimedUntil: new Date(Date.now() - 1) } });
      other.relay.kick();
      await until(async () => (await events(id))[0]!.publishedAt !== null);
    } finally {
      await other.close();
    }
    expect(received.filter((u) => u.ticket.id === id).map((u) => u.event.seq)).toEqual([1]);
  });
});
