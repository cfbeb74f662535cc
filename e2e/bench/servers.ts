import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createPrismaClient } from "@orderly/prisma";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@orderly/prisma/test-database";
import pg from "pg";
import { Launcher } from "../../scripts/launcher.ts";
import { portAccepts } from "../../scripts/processes.ts";
import { ROOT } from "../../scripts/root.ts";
import { realtimeServer, redisServer, tsxProcess, webServer } from "../../scripts/servers.ts";
import { buildWebIfStale } from "../../scripts/web-build.ts";

/** BENCH_PORT_BASE moves them, so that two checkouts can bench at once (their figures then share the cores). */
const base = Number(process.env.BENCH_PORT_BASE ?? 3300);
export const BENCH_PORTS = { web: base, realtimeA: base + 1, realtimeB: base + 2, redis: base + 3, bare: base + 4, bareOrders: base + 5 } as const;

/**
 * The production builds under test, each its own process; `processes` stops them and measures
 * their memory by name: realtime-a, realtime-b, web, bare, bare-orders, redis.
 */
export class Servers {
  readonly jwtSecret = randomBytes(32).toString("hex");
  readonly internalSecret = randomBytes(32).toString("hex");
  readonly processes = new Launcher({ quiet: true });

  private constructor(readonly database: TestDatabase) {}

  static async start(): Promise<Servers> {
    const database = await createTestDatabase("bench");
    const prisma = createPrismaClient(database.url, { maxConnections: 1 });
    await seedIfEmpty(prisma, DEMO_PASSWORD).finally(() => prisma.$disconnect());
    const servers = new Servers(database);
    await buildWebIfStale(servers.processes).catch(async (error: unknown) => {
      await database.drop();
      throw error;
    });
    return servers;
  }

  private get env(): NodeJS.ProcessEnv {
    return { JWT_SECRET: this.jwtSecret, INTERNAL_SECRET: this.internalSecret, LOG_LEVEL: "error", NODE_ENV: "production" };
  }

  async redis(): Promise<void> {
    await this.processes.start(redisServer(BENCH_PORTS.redis));
  }

  async realtime(name: "realtime-a" | "realtime-b", options: { redis?: boolean } = {}): Promise<string> {
    const port = name === "realtime-a" ? BENCH_PORTS.realtimeA : BENCH_PORTS.realtimeB;
    await this.processes.start(
      realtimeServer(name, port, {
        ...this.env,
        WEB_ORIGIN: `http://127.0.0.1:${BENCH_PORTS.web}`,
        ...(options.redis && { REDIS_URL: `redis://127.0.0.1:${BENCH_PORTS.redis}` }),
        RATE_LIMIT_SOCKET_EVENTS: "1000000",
        // The load generator is one address opening thousands of sockets.
        HANDSHAKES_PER_ADDRESS_PER_MINUTE: "1000000",
      }),
    );
    return `http://127.0.0.1:${port}`;
  }

  /** The baseline: a bare Socket.IO server. */
  async bare(): Promise<string> {
    await this.processes.start(
      tsxProcess("bare", join(ROOT, "e2e/bench/bare-server.ts"), { env: { ...this.env, PORT: String(BENCH_PORTS.bare) }, ready: () => portAccepts(BENCH_PORTS.bare) }),
    );
    return `http://127.0.0.1:${BENCH_PORTS.bare}`;
  }

  /** The floor for orders: a bare order server (bare-orders.ts) on the bench's database. */
  async bareOrders(): Promise<string> {
    await this.processes.start(
      tsxProcess("bare-orders", join(ROOT, "e2e/bench/bare-orders.ts"), {
        env: { ...this.env, DATABASE_URL: this.database.url, PORT: String(BENCH_PORTS.bareOrders) },
        ready: () => portAccepts(BENCH_PORTS.bareOrders),
      }),
    );
    return `http://127.0.0.1:${BENCH_PORTS.bareOrders}`;
  }

  /** Transactions committed in the bench's database so far (Postgres publishes its counters within about a second). */
  async committedTransactions(): Promise<number> {
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ xact_commit: string }>("SELECT xact_commit FROM pg_stat_database WHERE datname = $1", [this.database.name]);
      return Number(rows[0]!.xact_commit);
    } finally {
      await client.end();
    }
  }

  async web(realtimeUrl: string): Promise<string> {
    await this.processes.start(
      webServer(BENCH_PORTS.web, {
        ...this.env,
        DATABASE_URL: this.database.url,
        REALTIME_INTERNAL_URL: realtimeUrl,
        RATE_LIMIT_ORDERS_PER_MINUTE: "10000000",
        RATE_LIMIT_LOGINS_PER_MINUTE: "10000000",
      }),
    );
    return `http://127.0.0.1:${BENCH_PORTS.web}`;
  }

  async stopAll(): Promise<void> {
    await this.processes.stopAll();
    await this.database.drop();
  }
}
