import { describe, expect, it } from "vitest";
import { client, ids, kitchenClaims, spawnServer, startServer, testConfig, token } from "./helpers.ts";

describe("heartbeat", () => {
  it("defaults to a 5 s ping interval and 5 s timeout", () => {
    expect(testConfig()).toMatchObject({ PING_INTERVAL_MS: 5000, PING_TIMEOUT_MS: 5000 });
  });

  it("tells clients PING_INTERVAL_MS and PING_TIMEOUT_MS in the handshake", async () => {
    const server = await startServer({ PING_INTERVAL_MS: "1500", PING_TIMEOUT_MS: "2500" });
    const socket = client(server.port, { token: token(kitchenClaims(ids())) });
    const handshake = await new Promise<{ pingInterval: number; pingTimeout: number }>((resolve) => socket.io.engine.once("handshake", resolve));
    expect(handshake).toMatchObject({ pingInterval: 1500, pingTimeout: 2500 });
  });

  it("lets a client notice a frozen server within about interval + timeout", async () => {
    const server = await spawnServer({ PING_INTERVAL_MS: "1000", PING_TIMEOUT_MS: "1000" });
    const socket = client(server.port, { token: token(kitchenClaims(ids())) });
    await new Promise<void>((resolve) => socket.io.once("ping", resolve));
    const dropped = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const frozenAt = Date.now();
    server.child.kill("SIGSTOP");
    expect(await dropped).toBe("ping timeout");
    // The last ping came at most one interval before the freeze; the client waits interval + timeout after it.
    expect(Date.now() - frozenAt).toBeLessThan(2000 + 1000);
  });
});
