import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { INTERNAL_SECRET, JWT_SECRET, client, connected, ids, next, post, startServer, token, update } from "./helpers.ts";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

describe("operations", () => {
  it("refuses to start without real secrets, naming them", () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET is required.*INTERNAL_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: "short", INTERNAL_SECRET: INTERNAL_SECRET })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ JWT_SECRET, INTERNAL_SECRET, REALTIME_PORT: "http" })).toThrow(/REALTIME_PORT/);
  });

  it("serves health and Prometheus metrics by role, events and internal requests", async () => {
    const server = await startServer();
    const a = ids();
    const kitchen = await connected(server.port, { token: token({ role: "kitchen", sub: a.staffId, restaurantId: a.restaurantId, kitchenId: a.kitchenId }) });
    await connected(server.port, { token: token({ role: "customer", orderIds: [randomUUID()] }) });
    const arrival = next(kitchen, "new_order");
    await post(server.port, { events: [update(a)] });
    await arrival;
    await post(server.port, { events: "nope" });

    expect(await fetch(`http://127.0.0.1:${server.port}/healthz`).then((r) => r.json())).toEqual({ status: "ok" });
    const metrics = await fetch(`http://127.0.0.1:${server.port}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^orderly_sockets_connected\{role="kitchen"\} 1$/m);
    expect(metrics).toMatch(/^orderly_sockets_connected\{role="customer"\} 1$/m);
    expect(metrics).toMatch(/^orderly_events_emitted_total\{event="new_order"\} 1$/m);
    expect(metrics).toMatch(/^orderly_internal_requests_total\{status="202"\} 1$/m);
    expect(metrics).toMatch(/^orderly_internal_requests_total\{status="400"\} 1$/m);
    expect(metrics).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(metrics).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it("on SIGTERM tells clients, lets them go, and exits 0", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: { PATH: process.env.PATH, JWT_SECRET, INTERNAL_SECRET, REALTIME_PORT: "0", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      let output = "";
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk;
          const match = /"port":(\d+).*"msg":"realtime-server listening"/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        void exited.then((code) => reject(new Error(`exited with ${code} before listening`)));
      });
      const a = ids();
      const socket = client(port, { token: token({ role: "kitchen", sub: a.staffId, restaurantId: a.restaurantId, kitchenId: a.kitchenId }) }, { reconnection: true });
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      const told = new Promise<void>((resolve) => socket.once("server_shutdown", resolve));
      const dropped = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      child.kill("SIGTERM");
      await told;
      expect(await dropped).toBe("transport close");
      expect(await exited).toBe(0);
      expect(output).toMatch(/"msg":"realtime-server closed"/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
