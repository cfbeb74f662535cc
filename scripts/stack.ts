import pg from "pg";
import { createPrismaClient } from "@orderly/prisma";
import { migrate } from "@orderly/prisma/migrate";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { StartError, type Launcher } from "./launcher.ts";
import { isPortFree } from "./processes.ts";
import { realtimeServer, webServer } from "./servers.ts";
import { buildWebIfStale } from "./web-build.ts";

export interface StackOptions {
  /** The database; with `embeddedIn`, an embedded Postgres with its data in that directory is started at `url`'s port first. */
  database: { url: string; embeddedIn?: string };
  webPort: number;
  realtimePort: number;
  jwtSecret: string;
  internalSecret: string;
  /** Origins the realtime server accepts (a comma-separated list); default the web URL. */
  webOrigin?: string;
  /** Password for the seeded staff when the database is empty. */
  staffPassword?: string;
  /** Extra environment for the two servers. */
  env?: NodeJS.ProcessEnv;
}

export interface Stack {
  webUrl: string;
  realtimeUrl: string;
}

async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const { hostname, port } = new URL(url);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartError(`Cannot reach the database at ${hostname}:${port || 5432} (${reason}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkPortsFree(options: StackOptions): Promise<void> {
  const { url, embeddedIn } = options.database;
  const ports: [number, string][] = [
    [options.webPort, "WEB_PORT"],
    [options.realtimePort, "REALTIME_PORT"],
    ...(embeddedIn ? [[Number(new URL(url).port), "EMBEDDED_DATABASE_PORT"] as [number, string]] : []),
  ];
  for (const [port, name] of ports) {
    if (await isPortFree(port)) continue;
    const hint = name === "EMBEDDED_DATABASE_PORT" ? ` If an earlier run's Postgres still runs, its PID is the first line of ${embeddedIn}/postmaster.pid.` : "";
    throw new StartError(`Port ${port} (${name}) is already in use.${hint}`);
  }
}

/**
 * Starts the product through `processes`: the embedded database if asked (process `postgres`),
 * migrations and seed, a web build when stale, then `realtime` and `web`, each awaited until
 * healthy. If any step fails, everything started is stopped before the error is thrown.
 */
export async function startStack(processes: Launcher, options: StackOptions): Promise<Stack> {
  await checkPortsFree(options);
  try {
    const { url, embeddedIn } = options.database;
    if (embeddedIn) await startEmbeddedPostgres(processes, embeddedIn, url);
    await checkDatabase(url);
    const applied = await migrate(url);
    if (applied.length) processes.log(`Applied migrations: ${applied.join(", ")}`);
    const prisma = createPrismaClient(url, { maxConnections: 1 });
    const { seeded } = await seedIfEmpty(prisma, options.staffPassword ?? DEMO_PASSWORD).finally(() => prisma.$disconnect());
    if (seeded) processes.log("Seeded the demo restaurants.");

    await buildWebIfStale(processes);

    const webUrl = `http://localhost:${options.webPort}`;
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: url,
      JWT_SECRET: options.jwtSecret,
      INTERNAL_SECRET: options.internalSecret,
      REALTIME_PORT: String(options.realtimePort),
      WEB_ORIGIN: options.webOrigin ?? webUrl,
      REALTIME_INTERNAL_URL: `http://127.0.0.1:${options.realtimePort}`,
      ...options.env,
    };
    await processes.start(realtimeServer("realtime", options.realtimePort, env));
    await processes.start(webServer(options.webPort, env));
    return { webUrl, realtimeUrl: `http://localhost:${options.realtimePort}` };
  } catch (error) {
    await processes.stopAll();
    throw error;
  }
}
