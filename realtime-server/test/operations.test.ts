import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import {
  INTERNAL_SECRET,
  JWT_SECRET,
  METRICS_TOKEN,
  client,
  connected,
  customerClaims,
  ids,
  kitchenClaims,
  next,
  post,
  scrapeMetrics,
  spawnServer,
  startServer,
  token,
  update,
} from "./helpers.ts";

describe("operations", () => {
  it("refuses to start without real secrets, naming them", () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET is required.*INTERNAL_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: "short", INTERNAL_SECRET })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ JWT_SECRET, INTERNAL_SECRET: JWT_SECRET })).toThrow(/INTERNAL_SECRET must differ from JWT_SECRET/);
    expect(() => loadConfig({ JWT_SECRET, INTERNAL_SECRET, REALTIME_PORT: "http" })).toThrow(/REALTIME_PORT/);
    expect(() => loadConfig({ JWT_SECRET, INTERNAL_SECRET, METRICS_TOKEN: "too-short" })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
  });

  it("takes one or several comma-separated web origins, and refuses anything that is not an origin", () => {
    const origins = (WEB_ORIGIN?: string) => loadConfig({ JWT_SECRET, INTERNAL_SECRET, WEB_ORIGIN }).WEB_ORIGIN;
    expect(origins()).toEqual(["http://localhost:3000"]);
    expect(origins("")).toEqual(["http://localhost:3000"]);
    expect(origins("https://orders.example.com")).toEqual(["https://orders.example.com"]);
    expect(origins("http://192.168.1.20:3000, https://orders.example.com")).toEqual(["http://192.168.1.20:3000", "https://orders.example.com"]);
    for (const bad of ["*", "orders.example.com", "https://orders.example.com/", "https://orders.example.com/menu", "http://a.example,", "ftp://files.example.com", "https://x.example?y=1"]) {
      expect(() => origins(bad), bad).toThrow(/WEB_ORIGIN .* is not an origin/);
    }
  });

  it("answers CORS for each configured origin and no other", async () => {
    const server = await startServer({ WEB_ORIGIN: "http://192.168.1.20:3000,https://orders.example.com" });
    const allowed = async (origin: string) => {
      const response = await fetch(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
      return response.headers.get("access-control-allow-origin");
    };
    expect(await allowed("http://192.168.1.20:3000")).toBe("http://192.168.1.20:3000");
    expect(await allowed("https://orders.example.com")).toBe("https://orders.example.com");
    expect(await allowed("https://evil.example.com")).toBeNull();
  });

  it("serves health and Prometheus metrics by role, events and internal requests", async () => {
    const server = await startServer();
    const a = ids();
    const kitchen = await connected(server.port, { token: token(kitchenClaims(a)) });
    await connected(server.port, { token: token(customerClaims(randomUUID())) });
    const arrival = next(kitchen, "new_order");
    await post(server.port, { events: [update(a), update(a)] });
    await arrival;
    await post(server.port, { events: "nope" });

    expect(await fetch(`http://127.0.0.1:${server.port}/healthz`).then((r) => r.json())).toEqual({ status: "ok" });
    const metrics = await scrapeMetrics(server.port);
    expect(metrics).toMatch(/^orderly_sockets_connected\{role="kitchen"\} 1$/m);
    expect(metrics).toMatch(/^orderly_sockets_connected\{role="customer"\} 1$/m);
    expect(metrics).toMatch(/^orderly_events_emitted_total\{event="new_order"\} 2$/m);
    expect(metrics).toMatch(/^orderly_events_emitted_total\{event="status_update"\} 2$/m);
    expect(metrics).toMatch(/^orderly_internal_requests_total\{status="202"\} 1$/m);
    expect(metrics).toMatch(/^orderly_internal_requests_total\{status="400"\} 1$/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(metrics).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it("serves /metrics only with the bearer METRICS_TOKEN, and not at all without one configured", async () => {
    const server = await startServer();
    const url = `http://127.0.0.1:${server.port}/metrics`;
    for (const authorization of [undefined, "", "Bearer", `Bearer ${METRICS_TOKEN}x`, `Bearer ${METRICS_TOKEN.slice(1)}`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const response = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
    expect(await scrapeMetrics(server.port)).toMatch(/^# TYPE orderly_sockets_connected gauge$/m);

    const disabled = await startServer({ METRICS_TOKEN: "" });
    for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}`]) {
      const response = await fetch(`http://127.0.0.1:${disabled.port}/metrics`, { headers: authorization === undefined ? {} : { authorization } });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Route not found" } });
    }
  });

  it("on SIGTERM tells clients, lets them go, and exits 0", async () => {
    const server = await spawnServer();
    const socket = client(server.port, { token: token(kitchenClaims(ids())) }, { reconnection: true });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const told = new Promise<void>((resolve) => socket.once("server_shutdown", resolve));
    const dropped = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    server.child.kill("SIGTERM");
    await told;
    expect(await dropped).toBe("transport close");
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/"msg":"realtime-server closed"/);
  });
});
