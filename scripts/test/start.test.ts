import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortFree } from "../processes.ts";
import { ROOT } from "../stack.ts";

const CLEAN_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(DATABASE_URL|TEST_DATABASE_URL|REDIS_URL|JWT_SECRET|INTERNAL_SECRET|WEB_PORT|REALTIME_PORT|NODE_ENV|VITEST.*)$/.test(k),
  ),
);

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs `npm start`'s script; `until` ends it early (SIGINT) once stdout matches. */
function start(env: NodeJS.ProcessEnv, until?: { match: RegExp; then: () => Promise<void> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/start.ts")], {
      cwd: ROOT,
      env: { ...CLEAN_ENV, ...env },
    });
    const run: Run = { stdout: "", stderr: "", code: null };
    let triggered = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
    child.stdout.on("data", (chunk: Buffer) => {
      run.stdout += chunk;
      if (until && !triggered && until.match.test(run.stdout)) {
        triggered = true;
        until.then().then(
          () => child.kill("SIGINT"),
          (error) => {
            child.kill("SIGINT");
            reject(error);
          },
        );
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk));
    child.on("exit", (code) => {
      clearTimeout(timer);
      run.code = code;
      resolve(run);
    });
  });
}

describe("npm start refuses bad configuration with one clear line", () => {
  it("names the unreachable database host", async () => {
    const run = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/orderly", WEB_PORT: "3990", REALTIME_PORT: "3991" });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("Cannot reach the database at 127.0.0.1:1 (ECONNREFUSED). Check DATABASE_URL.");
  });

  it("names a port already in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(3992, "0.0.0.0", r));
    try {
      const run = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", WEB_PORT: "3992", REALTIME_PORT: "3993" });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe("Port 3992 (WEB_PORT) is already in use.");
    } finally {
      blocker.close();
    }
  });

  it("names malformed variables and missing production secrets", async () => {
    const bad = await start({ WEB_PORT: "web", DATABASE_URL: "not a url" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/DATABASE_URL/);
    expect(bad.stderr).toMatch(/WEB_PORT/);
    const production = await start({ NODE_ENV: "production" });
    expect(production.code).toBe(1);
    expect(production.stderr.trim()).toBe("Invalid environment: JWT_SECRET and INTERNAL_SECRET are required in production");
    const short = await start({ JWT_SECRET: "short" });
    expect(short.stderr).toMatch(/JWT_SECRET must be at least 32 characters/);
  });
});

describe("npm start with nothing configured", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "orderly-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("runs the product on an embedded Postgres, seeded, and Ctrl-C stops every process", async () => {
    const ports = { WEB_PORT: "3994", REALTIME_PORT: "3995" };
    const seen: Record<string, unknown> = {};
    const run = await start({ ...ports, ORDERLY_DATA_DIR: dataDir }, {
      match: /Press Ctrl-C to stop/,
      then: async () => {
        seen.home = await fetch("http://127.0.0.1:3994/").then((r) => r.text());
        seen.health = await fetch("http://127.0.0.1:3994/api/health").then((r) => r.json());
        seen.realtime = await fetch("http://127.0.0.1:3995/healthz").then((r) => r.status);
      },
    });
    expect(run.stdout).toMatch(/Seeded the demo restaurants/);
    expect(run.stdout).toMatch(/Kitchen: +http:\/\/localhost:3994\/kitchen/);
    expect(run.stdout).toMatch(/kitchen, delivery, admin \/ orderly-demo/);
    expect(seen.home).toMatch(/Kitchen display/);
    expect(seen.health).toEqual({ status: "ok", database: "ok" });
    expect(seen.realtime).toBe(200);
    expect(run.code).toBe(0);
    for (const port of [3994, 3995, 5499]) expect(await isPortFree(port), `port ${port} released`).toBe(true);
  });
});
