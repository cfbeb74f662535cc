// @vitest-environment happy-dom
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { internalHeaders, signToken } from "@orderly/shared/server";
import type { LiveFeed } from "@orderly/shared/client";
import { StrictMode, act } from "react";
import { createRoot } from "react-dom/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusUpdate, ticket } from "../../shared/test/fixtures.ts";
import { useLiveFeed } from "@/client/use-live-feed.ts";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/src/app.ts";
import { realtimeEnvSchema } from "../../realtime-server/src/config.ts";
import { createLogger } from "../../realtime-server/src/logger.ts";

const JWT_SECRET = "use-live-feed-test-jwt-secret-0123456789";
const INTERNAL_SECRET = "use-live-feed-test-internal-secret-0123456789";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let server: RealtimeServer;
beforeAll(async () => {
  server = await startRealtimeServer(realtimeEnvSchema.parse({ JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent" }), { port: 0, logger: createLogger("silent") });
});
afterAll(async () => {
  await server?.close();
});

async function until(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
}

describe("useLiveFeed under React StrictMode", () => {
  it("keeps one socket open and applies each event once, and closes it on unmount", async () => {
    const orderId = randomUUID();
    const token = signToken({ role: "customer", sub: randomUUID(), orderIds: [orderId] }, JWT_SECRET, 600).token;
    let snapshots = 0;
    let live: LiveFeed | null = null;
    function Probe() {
      live = useLiveFeed("probe", {
        realtimeUrl: `http://127.0.0.1:${server.port}`,
        token: () => token,
        loadSnapshot: async () => {
          snapshots++;
          return { tickets: [] };
        },
      });
      return null;
    }
    const root = createRoot(document.createElement("div"));
    await act(async () => root.render(<StrictMode><Probe /></StrictMode>));
    await until(async () => live?.status === "live" && (await server.io.fetchSockets()).length === 1);
    expect((await server.io.fetchSockets()).length).toBe(1);

    const update = statusUpdate(ticket({ id: orderId }), null, "PLACED");
    const body = JSON.stringify({ events: [update] });
    // node:http, not fetch: happy-dom's fetch applies a browser's same-origin policy.
    await new Promise((resolve, reject) =>
      request(`http://127.0.0.1:${server.port}/internal/events`, { method: "POST", headers: internalHeaders(INTERNAL_SECRET, body) }, (res) => res.resume().on("end", resolve))
        .on("error", reject)
        .end(body),
    );
    await until(() => live!.feed.ticket(orderId) !== undefined);
    expect(live!.feed.counts).toEqual({ applied: 1, duplicate: 0, gap: 0 });
    expect((await server.io.fetchSockets()).length).toBe(1);

    await act(async () => root.unmount());
    await until(async () => (await server.io.fetchSockets()).length === 0);
    expect(snapshots).toBeGreaterThanOrEqual(1);
  });
});
