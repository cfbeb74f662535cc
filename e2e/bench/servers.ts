import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "@orderly/prisma";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { startChild, stopChild, waitForHttp, waitForPort, type Child } from "../../scripts/processes.ts";
import { ROOT, buildWebIfStale } from "../../scripts/stack.ts";

export const BENCH_PORTS = { web: 3300, realtimeA: 3301, realtimeB: 3302, redis: 3303, bare: 3304 } as const;

/** The production builds under test, each its own process, started and stopped by PID. */
export class Servers {
  readonly jwtSecret = randomBytes(32).toString("hex");
  readonly internalSecret = randomBytes(32).toString("hex");
  private children = new Map<string, Child>();

  private constructor(readonly database: TestDatabase) {}

  static async start(): Promise<Servers> {
    const database = await createTestDatabase("bench");
    const prisma = createPrismaClient(database.url, { maxConnections: 1 });
    await seedIfEmpty(prisma, DEMO_PASSWORD).finally(() => prisma.$disconnect());
    buildWebIfStale(() => undefined);
    return new Servers(database);
  }

  pid(name: string): number {
    return this.children.get(name)!.process.pid!;
  }

  /** Resident memory of a server process, in bytes. */
  rss(name: string): number {
    const status = readFileSync(`/proc/${this.pid(name)}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
  }

  private launch(name: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Child {
    const child = startChild(name, process.execPath, args, {
      env: { JWT_SECRET: this.jwtSecret, INTERNAL_SECRET: this.internalSecret, LOG_LEVEL: "error", NEXT_TELEMETRY_DISABLED: "1", ...env },
      cwd,
      quiet: true,
    });
    this.children.set(name, child);
    return child;
  }

  async redis(): Promise<void> {
    const child = startChild("redis", "redis-server", ["--port", String(BENCH_PORTS.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { quiet: true });
    this.children.set("redis", child);
    await waitForPort(BENCH_PORTS.redis, "127.0.0.1", child);
  }

  async realtime(name: "realtime-a" | "realtime-b", options: { redis?: boolean } = {}): Promise<string> {
    const port = name === "realtime-a" ? BENCH_PORTS.realtimeA : BENCH_PORTS.realtimeB;
    const child = this.launch(name, ["--import", "tsx", join(ROOT, "realtime-server/src/main.ts")], {
      NODE_ENV: "production",
      REALTIME_PORT: String(port),
      WEB_ORIGIN: `http://127.0.0.1:${BENCH_PORTS.web}`,
      ...(options.redis && { REDIS_URL: `redis://127.0.0.1:${BENCH_PORTS.redis}` }),
      RATE_LIMIT_SOCKET_EVENTS: "1000000",
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/healthz`, child);
    return url;
  }

  async bare(): Promise<string> {
    const child = this.launch("bare", ["--import", "tsx", join(ROOT, "e2e/bench/bare-server.ts")], { PORT: String(BENCH_PORTS.bare) });
    await waitForPort(BENCH_PORTS.bare, "127.0.0.1", child);
    return `http://127.0.0.1:${BENCH_PORTS.bare}`;
  }

  async web(realtimeUrl: string): Promise<string> {
    const child = this.launch(
      "web",
      ["--import", "tsx", join(ROOT, "web/server.ts")],
      {
        NODE_ENV: "production",
        DATABASE_URL: this.database.url,
        WEB_PORT: String(BENCH_PORTS.web),
        REALTIME_INTERNAL_URL: realtimeUrl,
        RATE_LIMIT_ORDERS_PER_MINUTE: "10000000",
        RATE_LIMIT_LOGINS_PER_MINUTE: "10000000",
      },
      join(ROOT, "web"),
    );
    const url = `http://127.0.0.1:${BENCH_PORTS.web}`;
    await waitForHttp(`${url}/api/health`, child, 120_000);
    return url;
  }

  async stop(name: string): Promise<void> {
    const child = this.children.get(name);
    this.children.delete(name);
    if (child) await stopChild(child);
  }

  async stopAll(): Promise<void> {
    for (const name of [...this.children.keys()].reverse()) await this.stop(name);
    await this.database.drop();
  }
}
