import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@orderly/prisma";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { Launcher } from "../../scripts/launcher.ts";
import { isPortFree } from "../../scripts/processes.ts";
import { realtimeServer, redisServer, webServer } from "../../scripts/servers.ts";
import { buildWebIfStale } from "../../scripts/web-build.ts";
import { TcpProxy } from "./tcp-proxy.ts";

export const PORTS = { web: 3200, realtimeA: 3201, realtimeB: 3202, redis: 3203 } as const;

/**
 * The product as a production-like cluster on this machine: one web process, two realtime
 * servers on their own Redis, and Postgres behind a proxy that can be cut. `processes` stops and
 * restarts any of them by name: redis, realtime-a, realtime-b, web.
 */
export class Cluster {
  readonly jwtSecret = randomBytes(32).toString("hex");
  readonly internalSecret = randomBytes(32).toString("hex");
  readonly webUrl = `http://127.0.0.1:${PORTS.web}`;
  readonly realtimeUrls = [`http://127.0.0.1:${PORTS.realtimeA}`, `http://127.0.0.1:${PORTS.realtimeB}`];
  readonly processes: Launcher;
  /** Processes that exited without being told to: a crash is a failed run. */
  readonly crashes: string[] = [];

  private constructor(
    readonly database: TestDatabase,
    private readonly proxy: TcpProxy,
    quiet: boolean,
  ) {
    this.processes = new Launcher({ quiet });
    this.processes.onCrash((crash) => this.crashes.push(`${crash.name} exited with ${crash.code ?? crash.signal}: ${crash.tail.slice(-600)}`));
  }

  static async start(options: { quiet: boolean }): Promise<Cluster> {
    for (const [name, port] of Object.entries(PORTS)) {
      if (!(await isPortFree(port))) throw new Error(`Port ${port} (${name}) is in use; the chaos harness needs it.`);
    }
    const database = await createTestDatabase("chaos");
    const prisma = createPrismaClient(database.url, { maxConnections: 1 });
    await seedIfEmpty(prisma, DEMO_PASSWORD).finally(() => prisma.$disconnect());
    const target = new URL(database.url);
    const { proxy, port } = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(database.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(port);
    const cluster = new Cluster(database, proxy, options.quiet);
    const env = {
      JWT_SECRET: cluster.jwtSecret,
      INTERNAL_SECRET: cluster.internalSecret,
      WEB_ORIGIN: cluster.webUrl,
      REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
      LOG_LEVEL: "error",
      // The harness is one address holding many sockets per staff login.
      HANDSHAKES_PER_ADDRESS_PER_MINUTE: "1000000",
      MAX_SOCKETS_PER_SUBJECT: "1000",
    };
    try {
      await buildWebIfStale(cluster.processes);
      await cluster.processes.start(redisServer(PORTS.redis));
      await Promise.all([
        cluster.processes.start(realtimeServer("realtime-a", PORTS.realtimeA, env)),
        cluster.processes.start(realtimeServer("realtime-b", PORTS.realtimeB, env)),
      ]);
      await cluster.processes.start(
        webServer(PORTS.web, {
          ...env,
          DATABASE_URL: proxied.toString(),
          REALTIME_INTERNAL_URL: cluster.realtimeUrls[0],
          RATE_LIMIT_ORDERS_PER_MINUTE: "1000000",
          RATE_LIMIT_LOGINS_PER_MINUTE: "1000000",
          OUTBOX_MAX_BACKOFF_MS: "1000",
        }),
      );
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  cutDatabase(): void {
    this.proxy.cutLink();
  }

  restoreDatabase(): void {
    this.proxy.restore();
  }

  async stop(): Promise<void> {
    await this.processes.stopAll();
    await this.proxy.close();
    await this.database.drop();
  }
}
