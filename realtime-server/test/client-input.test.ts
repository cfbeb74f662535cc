import { randomBytes, randomUUID } from "node:crypto";
import type { SocketError } from "@orderly/shared";
import { describe, expect, it } from "vitest";
import { until } from "../../scripts/processes.ts";
import { type Client, connected, customerClaims, scrapeMetrics, startServer, token } from "./helpers.ts";

/** Emits an event no typed client could: any name, any arguments. */
const emitRaw = (socket: Client, event: unknown, ...args: unknown[]) => (socket as unknown as { emit(...a: unknown[]): void }).emit(event, ...args);

describe("event names chosen by a client", () => {
  it("never become metric labels nor error text, rate limited or not", async () => {
    const server = await startServer({ RATE_LIMIT_SOCKET_EVENTS: "10", RATE_LIMIT_SOCKET_WINDOW_SECONDS: "60" });
    const socket = await connected(server.port, { token: token(customerClaims(randomUUID())) });
    const errors: SocketError[] = [];
    socket.on("error", (error) => errors.push(error));
    const before = (await scrapeMetrics(server.port)).length;

    // 40 names of 200 KB: 10 within the limit (unknown events), 30 over it.
    const names = Array.from({ length: 40 }, () => `x${randomBytes(150_000).toString("base64url")}`);
    for (const name of names) emitRaw(socket, name);
    await until(() => errors.length >= names.length, 15_000, "an error for every event");

    const metrics = await scrapeMetrics(server.port);
    expect(metrics.length - before).toBeLessThan(20_000);
    for (const name of names) expect(metrics).not.toContain(name.slice(0, 16));
    for (const error of errors) {
      expect(error.message.length).toBeLessThan(100);
      expect(names.some((name) => error.message.includes(name.slice(1, 9)))).toBe(false);
    }
    expect(errors.filter((e) => e.code === "BAD_REQUEST")).toHaveLength(10);
    expect(errors.filter((e) => e.code === "RATE_LIMITED")).toHaveLength(30);
    expect(metrics).toMatch(/^orderly_client_events_received_total\{event="unknown",outcome="bad_request"\} 10$/m);
    expect(metrics).toMatch(/^orderly_client_events_received_total\{event="unknown",outcome="rate_limited"\} 30$/m);
  });

  it("answers odd names (numbers, control characters, reserved-looking) with BAD_REQUEST and keeps serving", async () => {
    const server = await startServer();
    const socket = await connected(server.port, { token: token(customerClaims(randomUUID())) });
    const errors: SocketError[] = [];
    socket.on("error", (error) => errors.push(error));
    const odd = [42, 0, -1, 1e308, "", "\u0000\u202e\n", 'x"} 1\nfake_total{a="', "__proto__", "constructor", "toString"];
    for (const name of odd) emitRaw(socket, name, { orderId: randomUUID() });
    await until(() => errors.length === odd.length, 5000, "an error for every event");
    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(["BAD_REQUEST"]));
    expect(await socket.emitWithAck("subscribe_order", { orderId: randomUUID() })).toEqual({ ok: false, error: "forbidden" });
    expect(socket.connected).toBe(true);
    expect(await scrapeMetrics(server.port)).not.toMatch(/fake_total|__proto__|constructor/);
  });
});
