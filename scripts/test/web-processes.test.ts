import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@orderly/prisma";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Launcher } from "../launcher.ts";
import { freePort, until } from "../processes.ts";
import { webServer } from "../servers.ts";
import { buildWebIfStale } from "../web-build.ts";

let database: TestDatabase;
let slug: string;
let url: string;
const processes = new Launcher({ quiet: true });

beforeAll(async () => {
  database = await createTestDatabase("web_processes");
  const prisma = createPrismaClient(database.url, { maxConnections: 1 });
  await seedIfEmpty(prisma, DEMO_PASSWORD);
  slug = (await prisma.restaurant.findFirstOrThrow()).slug;
  await prisma.$disconnect();
  await buildWebIfStale(processes);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  await processes.start(
    webServer(port, {
      DATABASE_URL: database.url,
      JWT_SECRET: randomBytes(32).toString("hex"),
      INTERNAL_SECRET: randomBytes(32).toString("hex"),
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      WEB_PROCESSES: "2",
      RATE_LIMIT_LOGINS_PER_MINUTE: "3",
    }),
  );
}, 600_000);
afterAll(async () => {
  await processes.stopAll();
  await database?.drop();
});

/** The web primary's Node children (tsx also runs an esbuild service). */
const workers = () =>
  execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(processes.pid("web"))])
    .toString()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command === "node")
    .map(([pid]) => Number(pid));

/** A wrong password from this address, each on a connection of its own (the primary deals connections out in turn). */
const wrongLogin = async () =>
  (
    await fetch(`${url}/api/auth/staff`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ restaurantSlug: slug, login: "kitchen", password: "not the password" }),
    })
  ).status;

describe("WEB_PROCESSES=2", () => {
  it("serves from two processes that count one rate limit, and replaces one that dies", async () => {
    expect(workers()).toHaveLength(2);
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push(await wrongLogin());
    expect(answers).toEqual([401, 401, 401, 429, 429, 429]);

    const [dead] = workers();
    process.kill(dead!, "SIGKILL");
    await until(() => workers().length === 2 && !workers().includes(dead!));
    await until(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.ok);
    expect(await wrongLogin()).toBe(429);
  });
});
