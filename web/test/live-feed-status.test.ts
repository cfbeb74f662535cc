// @vitest-environment happy-dom
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import type { TokenClaims } from "@orderly/shared";
import { LiveFeed } from "@orderly/shared/client";
import { internalHeaders, signToken } from "@orderly/shared/server";
import { afterEach, describe, expect, it } from "vitest";
import { statusUpdate, ticket } from "../../shared/test/fixtures.ts";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/src/app.ts";
import { realtimeEnvSchema } from "../../realtime-server/src/config.ts";
import { createLogger } from "../../realtime-server/src/logger.ts";
import { until } from "../../scripts/processes.ts";

const JWT_SECRET = "live-feed-status-test-jwt-secret-0123456789";
const INTERNAL_SECRET = "live-feed-status-test-internal-secret-0123456789";

const servers: RealtimeServer[] = [];
const feeds: LiveFeed[] = [];
afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(env: Record<string, string> = {}) {
  const config = realtimeEnvSchema.parse({ JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent", PING_INTERVAL_MS: "300", PING_TIMEOUT_MS: "300", ...env });
  const started = await startRealtimeServer(config, { port: 0, logger: createLogger("silent") });
  servers.push(started);
  return started;
}

function feed(port: number, claims: TokenClaims, host = "127.0.0.1") {
  const token = signToken(claims, JWT_SECRET, 600).token;
  const live = new LiveFeed({
    realtimeUrl: `http://${host}:${port}`,
    token: () => token,
    loadSnapshot: async () => ({ tickets: [] }),
    socketOptions: { transports: ["websocket"] },
  });
  feeds.push(live);
  return live;
}

/** node:http, not fetch: happy-dom's fetch applies a browser's same-origin policy. */
function publish(port: number, orderId: string) {
  const update = statusUpdate(ticket({ id: orderId }), null, "PLACED");
  const body = JSON.stringify({ events: [update] });
  return new Promise((resolve, reject) =>
    request(`http://127.0.0.1:${port}/internal/events`, { method: "POST", headers: internalHeaders(INTERNAL_SECRET, body) }, (res) => res.resume().on("end", () => resolve(res.statusCode)))
      .on("error", reject)
      .end(body),
  );
}

describe("LiveFeed's connection status", () => {
  it("says Live again as soon as the server is heard from, after the browser said it was offline", async () => {
    const { port } = await server();
    const orderId = randomUUID();
    // Engine.IO closes its transport on the browser's offline event except for "localhost", which
    // keeps it open as a short blip does: the socket never drops and pushes keep coming.
    const live = feed(port, { role: "customer", sub: randomUUID(), orderIds: [orderId] }, "localhost");
    await until(() => live.status === "live");

    window.dispatchEvent(new Event("offline"));
    expect(live.status).toBe("offline");
    await until(() => live.status === "live", 5000, "live after a heartbeat");
    window.dispatchEvent(new Event("offline"));
    expect(await publish(port, orderId)).toBe(202);
    await until(() => live.feed.ticket(orderId) !== undefined && live.status === "live", 5000, "live after a push");
  });

  it("waits and tries again when the server refuses it for too many connections, and gets in once a slot frees", async () => {
    const { port } = await server({ MAX_SOCKETS_PER_SUBJECT: "1" });
    const claims: TokenClaims = { role: "customer", sub: randomUUID(), orderIds: [randomUUID()] };
    const first = feed(port, claims);
    await until(() => first.status === "live");
    const second = feed(port, claims);
    await until(() => second.status === "reconnecting", 5000, "refused");
    first.close();
    await until(() => second.status === "live", 10_000, "admitted once the first closed");
  });

  it("asks to log in again when the token is refused, switching on the code", async () => {
    const { port } = await server();
    let unauthorized = 0;
    const forged = new LiveFeed({
      realtimeUrl: `http://127.0.0.1:${port}`,
      token: () => signToken({ role: "customer", sub: randomUUID(), orderIds: [randomUUID()] }, "some-other-secret-0123456789abcdefgh", 600).token,
      loadSnapshot: async () => ({ tickets: [] }),
      onUnauthorized: () => unauthorized++,
      socketOptions: { transports: ["websocket"] },
    });
    feeds.push(forged);
    await until(() => unauthorized === 1 && forged.status === "offline");
  });
});
