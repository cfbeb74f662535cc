import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connected, customerClaims, ids, kitchenClaims, next, post, startServer, token, update } from "./helpers.ts";

describe("rate limiting of client events", () => {
  it("drops a flooding subject's excess with RATE_LIMITED while other subjects go on", async () => {
    const server = await startServer({ RATE_LIMIT_SOCKET_EVENTS: "5", RATE_LIMIT_SOCKET_WINDOW_SECONDS: "60" });
    const a = ids();
    const watched = update(a);
    const flooder = await connected(server.port, { token: token(customerClaims(randomUUID())) });
    const quiet = await connected(server.port, { token: token(customerClaims(watched.ticket.id)) });
    const limited: unknown[] = [];
    flooder.on("error", (e) => e.code === "RATE_LIMITED" && limited.push(e));
    const quietErrors: unknown[] = [];
    quiet.on("error", (e) => quietErrors.push(e));

    const flood = Array.from({ length: 200 }, () => flooder.emitWithAck("subscribe_order", { orderId: randomUUID() }));
    const quietAcks = await Promise.all(Array.from({ length: 5 }, () => quiet.emitWithAck("subscribe_order", { orderId: watched.ticket.id })));
    const arrival = next(quiet, "status_update");
    await post(server.port, { events: [watched] });
    expect((await arrival).event.id).toBe(watched.event.id);
    expect(quietAcks).toEqual(Array(5).fill({ ok: true }));

    const results = await Promise.all(flood);
    expect(results.filter((r) => r.ok === false && r.error === "rate limited")).toHaveLength(195);
    expect(limited).toHaveLength(195);
    expect(quietErrors).toEqual([]);
  });

  it("gives all sockets of one subject one budget", async () => {
    const server = await startServer({ RATE_LIMIT_SOCKET_EVENTS: "5", RATE_LIMIT_SOCKET_WINDOW_SECONDS: "60" });
    const claims = kitchenClaims(ids());
    const sockets = await Promise.all(Array.from({ length: 4 }, () => connected(server.port, { token: token(claims) })));
    const results = await Promise.all(sockets.flatMap((s) => Array.from({ length: 5 }, () => s.emitWithAck("subscribe_order", { orderId: randomUUID() }))));
    expect(results.filter((r) => r.ok === false && r.error === "forbidden")).toHaveLength(5);
    expect(results.filter((r) => r.ok === false && r.error === "rate limited")).toHaveLength(15);

    const other = await connected(server.port, { token: token(kitchenClaims(ids())) });
    expect(await other.emitWithAck("subscribe_order", { orderId: randomUUID() })).toEqual({ ok: false, error: "forbidden" });
  });
});
