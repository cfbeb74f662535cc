import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { EMBEDDED_DATABASE_PORT, EMBEDDED_DATABASE_URL, createPrismaClient } from "@orderly/prisma";
import { migrate } from "@orderly/prisma/migrate";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { isPortFree, startChild, stopChild, waitForHttp, waitForPort, type Child } from "./processes.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Local state of development runs (embedded database, generated secrets); git-ignored. */
export const DATA_DIR = process.env.ORDERLY_DATA_DIR || join(ROOT, ".data");
const bin = (path: string) => join(ROOT, "node_modules", path);

export class StartError extends Error {
  override name = "StartError";
}

export interface StackOptions {
  /** Postgres to use; absent means the embedded PGlite kept in $ORDERLY_DATA_DIR/pglite. */
  databaseUrl?: string;
  webPort: number;
  realtimePort: number;
  jwtSecret: string;
  internalSecret: string;
  /** Password for the seeded staff when the database is empty. */
  staffPassword?: string;
  redisUrl?: string;
  /** Extra environment for the two servers. */
  env?: NodeJS.ProcessEnv;
  quiet?: boolean;
}

export interface Stack {
  webUrl: string;
  realtimeUrl: string;
  startRealtime(): Promise<void>;
  stopRealtime(): Promise<void>;
  /** Resolves when a server exits on its own (not through stop or stopRealtime). */
  crashed: Promise<string>;
  stop(): Promise<void>;
}

/** Local secrets for a development run, generated once and kept in .data/ (git-ignored). */
export function developmentSecrets(): { JWT_SECRET: string; INTERNAL_SECRET: string } {
  const file = join(DATA_DIR, "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    JWT_SECRET: randomBytes(48).toString("base64url"),
    INTERNAL_SECRET: randomBytes(48).toString("base64url"),
  };
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
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

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((name) => name !== "node_modules" && name !== ".next")
      .map((name) => newestMtime(join(path, name))),
  );
}

/** Builds web/ when it has no build or a source is newer than the build. */
export function buildWebIfStale(log: (line: string) => void): void {
  const buildId = join(ROOT, "web", ".next", "BUILD_ID");
  const sources = ["web", "shared/src", "prisma/src", "prisma/generated"].map((p) => newestMtime(join(ROOT, p)));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources)) return;
  log("Building the web app (next build)…");
  execFileSync(process.execPath, [bin("next/dist/bin/next"), "build"], {
    cwd: join(ROOT, "web"),
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = (line: string) => (options.quiet ? undefined : console.log(line));
  for (const [name, port] of [
    ["WEB_PORT", options.webPort],
    ["REALTIME_PORT", options.realtimePort],
    ...(options.databaseUrl ? [] : [["the embedded database port", EMBEDDED_DATABASE_PORT] as const]),
  ] as const) {
    if (!(await isPortFree(port))) throw new StartError(`Port ${port} (${name}) is already in use.`);
  }

  const children: Child[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const child of children.reverse()) await stopChild(child);
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      mkdirSync(DATA_DIR, { recursive: true });
      log(`No DATABASE_URL: starting the embedded Postgres (PGlite) with data in ${join(DATA_DIR, "pglite")}`);
      const db = startChild(
        "db",
        process.execPath,
        [bin("@electric-sql/pglite-socket/dist/scripts/server.js"), `--db=${join(DATA_DIR, "pglite")}`, `--port=${EMBEDDED_DATABASE_PORT}`, "--max-connections=20"],
        { quiet: options.quiet },
      );
      children.push(db);
      await waitForPort(EMBEDDED_DATABASE_PORT, "127.0.0.1", db);
      databaseUrl = EMBEDDED_DATABASE_URL;
    }
    await checkDatabase(databaseUrl);
    const applied = await migrate(databaseUrl);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
    const { seeded } = await seedIfEmpty(prisma, options.staffPassword ?? DEMO_PASSWORD).finally(() => prisma.$disconnect());
    if (seeded) log("Seeded the demo restaurants.");

    buildWebIfStale(log);

    const webUrl = `http://localhost:${options.webPort}`;
    const realtimeUrl = `http://localhost:${options.realtimePort}`;
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: options.jwtSecret,
      INTERNAL_SECRET: options.internalSecret,
      WEB_PORT: String(options.webPort),
      REALTIME_PORT: String(options.realtimePort),
      WEB_ORIGIN: webUrl,
      REALTIME_INTERNAL_URL: `http://127.0.0.1:${options.realtimePort}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    };

    let realtime: Child | undefined;
    let crash: (name: string) => void = () => undefined;
    const crashed = new Promise<string>((resolve) => (crash = resolve));
    const watch = (child: Child) =>
      void child.exited.then(() => {
        if (!stopping && children.includes(child)) crash(child.name);
      });

    const startRealtime = async () => {
      realtime = startChild("realtime", process.execPath, ["--import", "tsx", join(ROOT, "realtime-server/src/main.ts")], {
        env,
        quiet: options.quiet,
      });
      children.push(realtime);
      watch(realtime);
      await waitForHttp(`http://127.0.0.1:${options.realtimePort}/healthz`, realtime);
    };
    const stopRealtime = async () => {
      if (!realtime) return;
      const stopped = realtime;
      realtime = undefined;
      children.splice(children.indexOf(stopped), 1);
      await stopChild(stopped);
    };

    await startRealtime();
    const web = startChild("web", process.execPath, ["--import", "tsx", join(ROOT, "web/server.ts")], {
      cwd: join(ROOT, "web"),
      env,
      quiet: options.quiet,
    });
    children.push(web);
    watch(web);
    await waitForHttp(`http://127.0.0.1:${options.webPort}/api/health`, web);

    return { webUrl, realtimeUrl, startRealtime, stopRealtime, crashed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
