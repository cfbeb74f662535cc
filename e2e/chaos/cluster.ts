import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createPrismaClient } from "@orderly/prisma";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { isPortFree, startChild, stopChild, waitForHttp, waitForPort, type Child } from "../../scripts/processes.ts";
import { ROOT, buildWebIfStale } from "../../scripts/stack.ts";
import { TcpProxy } from "./tcp-proxy.ts";

export const PORTS = { web: 3200, realtimeA: 3201, realtimeB: 3202, redis: 3203 } as const;

/**
 * The product as a production-like cluster on this machine: one web process, two realtime
 * servers on their own Redis, and Postgres behind a proxy that can be cut. Every process is
 * started and stopped by PID.
 */
export class Cluster {
  readonly jwtSecret = randomBytes(32).toString("hex");
  readonly internalSecret = randomBytes(32).toString("hex");
  readonly webUrl = `http://127.0.0.1:${PORTS.web}`;
  readonly realtimeUrls = [`http://127.0.0.1:${PORTS.realtimeA}`, `http://127.0.0.1:${PORTS.realtimeB}`];
  private children = new Map<string, Child>();
  /** Processes that exited without being told to: a crash is a failed run. */
  readonly crashes: string[] = [];

  private constructor(
    readonly database: TestDatabase,
    private readonly proxy: TcpProxy,
    private readonly proxiedUrl: string,
    private readonly quiet: boolean,
  ) {}

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
    const cluster = new Cluster(database, proxy, proxied.toString(), options.quiet);
    try {
      buildWebIfStale((line) => (options.quiet ? undefined : console.log(line)));
      await cluster.startRedis();
      await Promise.all([cluster.startRealtime(0), cluster.startRealtime(1)]);
      await cluster.startWeb();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  private env(): NodeJS.ProcessEnv {
    return {
      JWT_SECRET: this.jwtSecret,
      INTERNAL_SECRET: this.internalSecret,
      WEB_ORIGIN: this.webUrl,
      REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
      LOG_LEVEL: "error",
      NEXT_TELEMETRY_DISABLED: "1",
    };
  }

  private launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Child {
    const child = startChild(name, command, args, { env: { ...this.env(), ...env }, cwd, quiet: this.quiet });
    this.children.set(name, child);
    void child.exited.then((code) => {
      if (this.children.get(name) === child) this.crashes.push(`${name} exited with ${code ?? child.process.signalCode}`);
    });
    return child;
  }

  async startRedis(): Promise<void> {
    const child = this.launch("redis", "redis-server", ["--port", String(PORTS.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
    await waitForPort(PORTS.redis, "127.0.0.1", child);
  }

  async startRealtime(index: 0 | 1): Promise<void> {
    const port = index === 0 ? PORTS.realtimeA : PORTS.realtimeB;
    const child = this.launch(`realtime-${"ab"[index]}`, process.execPath, ["--import", "tsx", join(ROOT, "realtime-server/src/main.ts")], {
      REALTIME_PORT: String(port),
    });
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child);
  }

  async startWeb(): Promise<void> {
    const child = this.launch(
      "web",
      process.execPath,
      ["--import", "tsx", join(ROOT, "web/server.ts")],
      {
        DATABASE_URL: this.proxiedUrl,
        WEB_PORT: String(PORTS.web),
        REALTIME_INTERNAL_URL: this.realtimeUrls[0],
        RATE_LIMIT_ORDERS_PER_MINUTE: "1000000",
        RATE_LIMIT_LOGINS_PER_MINUTE: "1000000",
        OUTBOX_MAX_BACKOFF_MS: "1000",
      },
      join(ROOT, "web"),
    );
    await waitForHttp(`${this.webUrl}/api/health`, child, 120_000);
  }

  /** Stops a process: SIGTERM (graceful) or SIGKILL (a crash). */
  async kill(name: "redis" | "realtime-a" | "realtime-b" | "web", signal: "SIGTERM" | "SIGKILL"): Promise<void> {
    const child = this.children.get(name);
    if (!child) return;
    this.children.delete(name);
    if (signal === "SIGKILL") {
      child.process.kill("SIGKILL");
      await child.exited;
    } else {
      await stopChild(child);
    }
  }

  cutDatabase(): void {
    this.proxy.cutLink();
  }

  restoreDatabase(): void {
    this.proxy.restore();
  }

  async stop(): Promise<void> {
    for (const name of ["web", "realtime-a", "realtime-b", "redis"] as const) await this.kill(name, "SIGTERM");
    await this.proxy.close();
    await this.database.drop();
  }
}
