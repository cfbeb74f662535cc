import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortFree } from "../processes.ts";
import { NpmStart } from "./npm-start.ts";

const secret = () => randomBytes(32).toString("hex");

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "orderly-start-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs npm start's script to its end; for starts that must refuse. */
async function refused(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const run = new NpmStart({ ORDERLY_DATA_DIR: dataDir, ...env });
  try {
    return { code: await run.exited, stderr: run.stderr.trim() };
  } finally {
    await run.kill();
  }
}

describe("npm start refuses bad configuration with one clear line", () => {
  it("names the unreachable database host", async () => {
    const run = await refused({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/orderly", WEB_PORT: "3990", REALTIME_PORT: "3991" });
    expect(run).toEqual({ code: 1, stderr: "Cannot reach the database at 127.0.0.1:1 (ECONNREFUSED). Check DATABASE_URL." });
  });

  it("names a port already in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(3992, "0.0.0.0", r));
    try {
      const run = await refused({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/orderly", WEB_PORT: "3992", REALTIME_PORT: "3993" });
      expect(run).toEqual({ code: 1, stderr: "Port 3992 (WEB_PORT) is already in use." });
    } finally {
      blocker.close();
    }
  });

  it("names malformed variables", async () => {
    const bad = await refused({ WEB_PORT: "web", DATABASE_URL: "not a url" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Invalid environment: .*DATABASE_URL.*WEB_PORT/);
    expect(await refused({ JWT_SECRET: "abcdefghijklmnop" })).toEqual({ code: 1, stderr: "Invalid environment: JWT_SECRET must be at least 32 characters" });
  });

  it("refuses weak or reused secrets, and in production missing secrets and the demo staff password", async () => {
    const production = { NODE_ENV: "production", JWT_SECRET: secret(), INTERNAL_SECRET: secret(), SEED_STAFF_PASSWORD: "a-real-staff-password" };
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ NODE_ENV: "production" }, "JWT_SECRET is required in production; INTERNAL_SECRET is required in production"],
      [{ ...production, INTERNAL_SECRET: production.JWT_SECRET }, "INTERNAL_SECRET must differ from JWT_SECRET"],
      [{ ...production, JWT_SECRET: "ab".repeat(20) }, "JWT_SECRET must have at least 10 distinct characters"],
      [{ ...production, SEED_STAFF_PASSWORD: "orderly-demo" }, "SEED_STAFF_PASSWORD must not be the demo password in production"],
      [{ ...production, SEED_STAFF_PASSWORD: "" }, "SEED_STAFF_PASSWORD is required in production"],
      [{ JWT_SECRET: production.JWT_SECRET, INTERNAL_SECRET: production.JWT_SECRET }, "INTERNAL_SECRET must differ from JWT_SECRET"],
    ];
    for (const [env, problem] of cases) expect(await refused(env)).toEqual({ code: 1, stderr: `Invalid environment: ${problem}` });
  });
});

describe("npm start reads .env", () => {
  const PORTS = { WEB_PORT: "3994", REALTIME_PORT: "3995" };
  let database: TestDatabase;
  let cwd: string;
  beforeAll(async () => {
    database = await createTestDatabase("start-env");
    cwd = await mkdtemp(join(tmpdir(), "orderly-env-"));
  });
  afterAll(async () => {
    await database?.drop();
    await rm(cwd, { recursive: true, force: true });
  });

  it("uses the file's values where the environment has none, and honours WEB_ORIGIN and NEXT_PUBLIC_REALTIME_URL", async () => {
    const lan = `http://192.168.1.20:${PORTS.WEB_PORT}`;
    await writeFile(
      join(cwd, ".env"),
      [`DATABASE_URL=${database.url}`, "WEB_PORT=3000", `WEB_ORIGIN=${lan},https://orders.example.test`, "NEXT_PUBLIC_REALTIME_URL=https://realtime.example.test", ""].join("\n"),
    );
    const run = new NpmStart({ ...PORTS, ORDERLY_DATA_DIR: dataDir }, { cwd });
    try {
      await run.output(/Press Ctrl-C to stop/);
      expect(run.stdout).toMatch(/Database: +DATABASE_URL \(127\.0\.0\.1:5432\)/);
      expect(run.stdout).toMatch(/Customer: +http:\/\/localhost:3994\//);
      const allowed = (origin: string) =>
        fetch(`http://127.0.0.1:${PORTS.REALTIME_PORT}/socket.io/?EIO=4&transport=polling`, { headers: { origin } }).then((r) => r.headers.get("access-control-allow-origin"));
      expect(await allowed(lan)).toBe(lan);
      expect(await allowed("https://orders.example.test")).toBe("https://orders.example.test");
      expect(await allowed(`http://localhost:${PORTS.WEB_PORT}`)).toBeNull();
      const kitchen = await fetch(`http://127.0.0.1:${PORTS.WEB_PORT}/kitchen`).then((r) => r.text());
      expect(kitchen).toContain("https://realtime.example.test");
      expect(await run.interrupt()).toBe(0);
      for (const port of Object.values(PORTS)) expect(await isPortFree(Number(port)), `port ${port} released`).toBe(true);
    } finally {
      await run.kill();
    }
  });
});
