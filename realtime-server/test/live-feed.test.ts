import type { OrderUpdate, Ticket } from "@orderly/shared";
import { LiveFeed } from "@orderly/shared/client";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "../../scripts/processes.ts";
import { ids, kitchenClaims, post, startServer, token, update } from "./helpers.ts";

const feeds: LiveFeed[] = [];
afterEach(() => {
  for (const feed of feeds.splice(0)) feed.close();
});

describe("LiveFeed against the real server", () => {
  it("re-reads the snapshot on connect and on a gap, ignores duplicates, and reconnects after a drop", async () => {
    const server = await startServer();
    const a = ids();
    // What web's snapshot endpoint would answer: the latest ticket of every order published so far.
    const database = new Map<string, Ticket>();
    const publish = async (...updates: OrderUpdate[]) => {
      for (const u of updates) database.set(u.ticket.id, u.ticket);
      expect((await post(server.port, { events: updates })).status).toBe(202);
    };
    const placed = update(a);
    await publish(placed);

    const feed = new LiveFeed({
      realtimeUrl: `http://127.0.0.1:${server.port}`,
      token: () => token(kitchenClaims(a)),
      loadSnapshot: async () => ({ tickets: [...database.values()] }),
      socketOptions: { transports: ["websocket"], reconnectionDelay: 50, reconnectionDelayMax: 100 },
    });
    feeds.push(feed);
    await until(() => feed.status === "live" && feed.resyncs === 1);
    expect(feed.feed.ticket(placed.ticket.id)?.status).toBe("PLACED");

    const id = placed.ticket.id;
    const accepted = update(a, { orderId: id, seq: 2, from: "PLACED", to: "ACCEPTED" });
    await publish(accepted, accepted);
    await until(() => feed.feed.seqOf(id) === 2);
    await until(() => feed.feed.counts.duplicate === 1);

    // seq 3 is written but its push is lost: seq 4 arrives with a gap and the snapshot fills it in.
    const preparing = update(a, { orderId: id, seq: 3, from: "ACCEPTED", to: "PREPARING" });
    database.set(id, preparing.ticket);
    const ready = update(a, { orderId: id, seq: 4, from: "PREPARING", to: "READY" });
    await publish(ready);
    await until(() => feed.resyncs === 2 && feed.feed.ticket(id)?.status === "READY");
    expect(feed.feed.counts.gap).toBe(1);

    const statuses: string[] = [];
    feed.subscribe(() => statuses.push(feed.status));
    feed.socket.io.engine.close();
    await until(() => feed.status === "live" && feed.resyncs === 3);
    expect(statuses).toContain("reconnecting");
  });

  it("a gap among the updates held during a snapshot read starts another read, which completes", async () => {
    const server = await startServer();
    const a = ids();
    const placed = update(a);
    const id = placed.ticket.id;
    const database = new Map([[id, placed.ticket]]);
    let gate = Promise.resolve();
    const feed = new LiveFeed({
      realtimeUrl: `http://127.0.0.1:${server.port}`,
      token: () => token(kitchenClaims(a)),
      loadSnapshot: async () => {
        const tickets = [...database.values()];
        await gate;
        return { tickets };
      },
      socketOptions: { transports: ["websocket"] },
    });
    feeds.push(feed);
    await until(() => feed.status === "live" && feed.resyncs === 1);

    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const reading = feed.resync();
    // seq 2's push is lost; seq 3 arrives (and is held) while a snapshot at seq 1 is read.
    const preparing = update(a, { orderId: id, seq: 3, from: "ACCEPTED", to: "PREPARING" });
    const heard = feed.lastContactAt;
    await post(server.port, { events: [preparing] });
    await until(() => feed.lastContactAt !== heard);
    database.set(id, preparing.ticket);
    gate = Promise.resolve();
    open();
    await reading;
    await until(() => feed.resyncs === 3 && feed.feed.ticket(id)?.status === "PREPARING");
    expect(feed.feed.counts.gap).toBe(1);
  });

  it("refreshes an expired token and carries on", async () => {
    const server = await startServer();
    const a = ids();
    const claims = kitchenClaims(a);
    let current = token(claims, 1);
    let refreshed = 0;
    const feed = new LiveFeed({
      realtimeUrl: `http://127.0.0.1:${server.port}`,
      token: () => current,
      loadSnapshot: async () => ({ tickets: [] }),
      refreshToken: async () => {
        refreshed++;
        current = token(claims, 600);
        return current;
      },
      socketOptions: { transports: ["websocket"] },
    });
    feeds.push(feed);
    await until(() => refreshed === 1 && feed.status === "live" && feed.resyncs === 2);
    const placed = update(a);
    await post(server.port, { events: [placed] });
    await until(() => feed.feed.ticket(placed.ticket.id) !== undefined);
  });
});
