import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERNAL_SECRET, JWT_SECRET, setupWeb, type Fixture } from "./helpers.ts";

const run = promisify(execFile);
const WEB = join(import.meta.dirname, "..");

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_rate_limit_redis");
});
afterAll(async () => {
  await f?.close();
});

/** Logins from one address in a separate web process (its own memory, the same Redis). */
async function attempts(count: number, peer: string, redis: boolean): Promise<number[]> {
  const env = {
    ...process.env,
    DATABASE_URL: f.database.url,
    JWT_SECRET,
    INTERNAL_SECRET,
    RATE_LIMIT_LOGINS_PER_MINUTE: "3",
    LOG_LEVEL: "silent",
    REDIS_URL: redis ? "redis://127.0.0.1:6379" : "",
  };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "test/fixtures/login-attempts.ts", String(count), peer], { cwd: WEB, env });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe("web rate limits with REDIS_URL", () => {
  it("are shared by every web process", async () => {
    const peer = `198.51.100.${randomUUID().slice(0, 4)}`;
    expect(await attempts(2, peer, true)).toEqual([401, 401]);
    expect(await attempts(3, peer, true)).toEqual([401, 429, 429]);
  });

  it("are per process without it", async () => {
    const peer = `198.51.100.${randomUUID().slice(0, 4)}`;
    expect(await attempts(2, peer, false)).toEqual([401, 401]);
    expect(await attempts(2, peer, false)).toEqual([401, 401]);
  });
});
