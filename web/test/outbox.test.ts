import type { OrderUpdate, ServerToClientEvents, ClientToServerEvents } from "@orderly/shared";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/src/app.ts";
import { realtimeEnvSchema } from "../../realtime-server/src/config.ts";
import { createLogger } from "../../realtime-server/src/logger.ts";
import { until } from "../../scripts/processes.ts";
import { outboxRelay } from "@/outbox/relay.ts";
import { INTERNAL_SECRET, JWT_SECRET, freePort, login, move, place, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
let port: number;
let realtime: RealtimeServer | undefined;
let kitchen: Socket<ServerToClientEvents, ClientToServerEvents>;
const received: OrderUpdate[] = [];

const startRealtime = async () => {
  const config = realtimeEnvSchema.parse({ JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent" });
  realtime = await startRealtimeServer(config, { port, logger: createLogger("silent") });
};

beforeAll(async () => {
  port = await freePort();
  f = await setupWeb("web_outbox", { REALTIME_INTERNAL_URL: `http://127.0.0.1:${port}`, RATE_LIMIT_ORDERS_PER_MINUTE: "1000" });
  await startRealtime();
  const staff = await login(f.restaurants[0]!.slug, "kitchen");
  kitchen = connect(`http://127.0.0.1:${port}`, { auth: { token: staff.token }, transports: ["websocket"], reconnectionDelay: 100, reconnectionDelayMax: 300 });
  kitchen.on("new_order", (u) => received.push(u));
  kitchen.on("status_update", (u) => received.push(u));
  await new Promise<void>((resolve) => kitchen.once("connect", () => resolve()));
});
afterAll(async () => {
  kitchen?.disconnect();
  await realtime?.close();
  await f?.close();
});

const published = (orderId: string) => f.prisma.orderEvent.findMany({ where: { orderId }, orderBy: { seq: "asc" } });

describe("outbox to the realtime server", () => {
  it("delivers a placed order to the kitchen's socket and marks its event published", async () => {
    const id = (await place(f)).body.order.ticket.id;
    const update = await until(async () => received.find((u) => u.ticket.id === id));
    expect(update.event).toMatchObject({ orderId: id, seq: 1, type: "STATUS_CHANGED", payload: { to: "PLACED" } });
    await until(async () => (await published(id))[0]!.publishedAt !== null);
  });

  it("keeps events while the realtime server is down and delivers them, in seq order, when it is back", async () => {
    await realtime!.close();
    realtime = undefined;
    const placed = await place(f);
    expect(placed.status).toBe(201);
    const id = placed.body.order.ticket.id;
    const staff = (await login(f.restaurants[0]!.slug, "kitchen")).token;
    for (const to of ["ACCEPTED", "PREPARING", "READY"]) expect((await move(id, to, staff)).status).toBe(200);
    await until(() => outboxRelay().failures > 0);
    expect((await published(id)).map((e) => e.publishedAt)).toEqual([null, null, null, null]);

    await startRealtime();
    // Recorded on the server: whether the kitchen's socket has reconnected yet is another matter
    // (clients resynchronise from the snapshot for that).
    const fannedOut: OrderUpdate[] = [];
    const adapter = realtime!.io.of("/").adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    vi.spyOn(adapter, "broadcast").mockImplementation((packet, opts) => {
      if (packet.data[0] === "status_update") fannedOut.push(packet.data[1]);
      return broadcast(packet, opts);
    });
    await until(async () => (await published(id)).every((e) => e.publishedAt !== null));
    expect(fannedOut.filter((u) => u.ticket.id === id).map((u) => u.event.seq)).toEqual([1, 2, 3, 4]);
  });
});
