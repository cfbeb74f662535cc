import { randomUUID } from "node:crypto";
import { Manager } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { until } from "../../scripts/processes.ts";
import { connectError, connected, customerClaims, ids, kitchenClaims, scrapeMetrics, startServer, token } from "./helpers.ts";

/** A bare Engine.IO polling handshake, as a script opening connections without any token would send. */
async function handshake(port: number, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/socket.io/?EIO=4&transport=polling`, { headers });
  return { status: response.status, body: await response.text() };
}

describe("caps on connections", () => {
  it("refuses a subject's sockets over MAX_SOCKETS_PER_SUBJECT with TOO_MANY_CONNECTIONS, and frees a slot on disconnect", async () => {
    const server = await startServer({ MAX_SOCKETS_PER_SUBJECT: "3" });
    const claims = kitchenClaims(ids());
    // Ten at once, each with its own token for the same subject: exactly three get in.
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, () => connected(server.port, { token: token(claims) })));
    const opened = attempts.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
    expect(opened).toHaveLength(3);
    const tooMany = { code: "TOO_MANY_CONNECTIONS", message: "At most 3 connections per token" };
    expect(await connectError(server.port, { token: token(claims) })).toEqual({ message: tooMany.message, data: tooMany });
    await connected(server.port, { token: token(kitchenClaims(ids())) });
    await connected(server.port, { token: token(customerClaims(randomUUID())) });

    opened[0]!.disconnect();
    await until(() => server.io.of("/").sockets.size === 4, 5000, "the socket gone from the server");
    await connected(server.port, { token: token(claims) });
    expect((await connectError(server.port, { token: token(claims) })).data).toEqual(tooMany);
    expect(await scrapeMetrics(server.port)).toMatch(/^orderly_connections_refused_total\{reason="subject_cap"\} 9$/m);
  });

  it("does not count a socket whose transport closed before it connected", async () => {
    const server = await startServer({ MAX_SOCKETS_PER_SUBJECT: "2" });
    const claims = customerClaims(randomUUID());
    const base = `http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`;
    for (let i = 0; i < 3; i++) {
      const { body } = await handshake(server.port);
      const { sid } = JSON.parse(body.slice(1)) as { sid: string };
      // CONNECT with a valid token and an Engine.IO close in one payload: the transport is gone before the socket connects.
      const response = await fetch(`${base}&sid=${sid}`, { method: "POST", body: `40${JSON.stringify({ token: token(claims) })}\x1e1` });
      expect(response.status).toBe(200);
    }
    await connected(server.port, { token: token(claims) });
    await connected(server.port, { token: token(claims) });
  });

  it("refuses an address's handshakes over HANDSHAKES_PER_ADDRESS_PER_MINUTE before any token is read", async () => {
    const server = await startServer({ HANDSHAKES_PER_ADDRESS_PER_MINUTE: "5" });
    await connected(server.port, { token: token(customerClaims(randomUUID())) });
    expect((await connectError(server.port, { token: "garbage" })).data?.code).toBe("UNAUTHORIZED");
    for (let i = 0; i < 3; i++) expect((await handshake(server.port)).status).toBe(200);

    expect(await handshake(server.port)).toEqual({ status: 403, body: JSON.stringify({ code: 4, message: "Too many connections from this address" }) });
    const refused = await connectError(server.port, { token: token(customerClaims(randomUUID())) });
    expect(refused.message).toBe("websocket error");
    const polling = await connectError(server.port, { token: token(customerClaims(randomUUID())) }, { transports: ["polling"] });
    expect(polling.message).toBe("xhr poll error");
    expect(await scrapeMetrics(server.port)).toMatch(/^orderly_connections_refused_total\{reason="address_rate"\} 3$/m);
  });

  it("keys handshakes on the TCP peer, or behind TRUST_PROXY proxies on the address they forwarded", async () => {
    const direct = await startServer({ HANDSHAKES_PER_ADDRESS_PER_MINUTE: "2" });
    const forged = (n: number) => ({ "x-forwarded-for": `203.0.113.${n}` });
    expect((await handshake(direct.port, forged(1))).status).toBe(200);
    expect((await handshake(direct.port, forged(2))).status).toBe(200);
    expect((await handshake(direct.port, forged(3))).status).toBe(403);

    const proxied = await startServer({ HANDSHAKES_PER_ADDRESS_PER_MINUTE: "2", TRUST_PROXY: "1" });
    const via = (client: string) => ({ "x-forwarded-for": `198.51.100.7, ${client}` });
    expect((await handshake(proxied.port, via("203.0.113.1"))).status).toBe(200);
    expect((await handshake(proxied.port, via("203.0.113.1"))).status).toBe(200);
    expect((await handshake(proxied.port, via("203.0.113.1"))).status).toBe(403);
    expect((await handshake(proxied.port, via("203.0.113.2"))).status).toBe(200);
    const socket = await connected(proxied.port, { token: token(customerClaims(randomUUID())) });
    expect(socket.connected).toBe(true);
  });

  it("closes an Engine.IO connection that never sends its Socket.IO CONNECT within about 10 s", { timeout: 20_000 }, async () => {
    const server = await startServer();
    const manager = new Manager(`http://127.0.0.1:${server.port}`, { transports: ["websocket"], reconnection: false, autoConnect: false });
    try {
      await new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve())));
      const openedAt = Date.now();
      const reason = await new Promise<string>((resolve) => manager.once("close", resolve));
      expect(reason).toBe("transport close");
      expect(Date.now() - openedAt).toBeGreaterThan(9000);
      expect(Date.now() - openedAt).toBeLessThan(12_000);
    } finally {
      manager.engine?.close();
    }
  });
});
