import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INTERNAL_SECRET, JWT_SECRET } from "./helpers.ts";

const run = promisify(execFile);
const ENV = { DATABASE_URL: "postgresql://unused@127.0.0.1/unused", JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent" };

// Each case loads the modules afresh: the environment and the server.ts mark are read once per process.
beforeEach(() => {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("orderly.web.peerRecorded")];
});

const load = async (env: Record<string, string>) => {
  Object.assign(process.env, ENV, env);
  return import("@/http/client-address.ts");
};
const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("client address with TRUST_PROXY=2", () => {
  it("takes the entry the second proxy appended, ignoring what the client put before it", async () => {
    const { PEER_HEADER, clientAddress } = await load({ TRUST_PROXY: "2" });
    expect(clientAddress(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", [PEER_HEADER]: "10.0.0.1" }))).toBe("203.0.113.9");
  });
});

describe("client address without proxies", () => {
  it("is the peer web/server.ts recorded", async () => {
    const { PEER_HEADER, clientAddress, markPeerRecorded } = await load({ TRUST_PROXY: "0" });
    markPeerRecorded();
    expect(clientAddress(request({ "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "10.0.0.1" }))).toBe("10.0.0.1");
  });

  it("is never taken from a header a client could send when server.ts is not in front", async () => {
    const { PEER_HEADER, clientAddress, clientAddressIsTrustworthy } = await load({ TRUST_PROXY: "0" });
    expect(clientAddressIsTrustworthy()).toBe(false);
    expect(() => clientAddress(request({ [PEER_HEADER]: "10.0.0.1" }))).toThrow(/server\.ts/);
  });

  it("web refuses to start that way (next start, next dev)", async () => {
    const script = "const m = await import('./instrumentation.ts'); await m.register(); console.log('started');";
    const env = { ...process.env, ...ENV, TRUST_PROXY: "0", NEXT_RUNTIME: "nodejs" };
    const failure = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: join(import.meta.dirname, ".."), env }).then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/web must be started with server\.ts/);
    expect(failure?.stdout).not.toMatch(/started/);
  });
});
