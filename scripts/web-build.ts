import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Launcher } from "./launcher.ts";
import { isAlive, until } from "./processes.ts";
import { ROOT } from "./root.ts";

const BUILD_ID = join(ROOT, "web", ".next", "BUILD_ID");
const SOURCES = ["web", "shared/src", "prisma/src", "prisma/generated"].map((path) => join(ROOT, path));
/** Held while one process builds, so that several (parallel test files, a harness) never build into .next at once. */
const LOCK = join(tmpdir(), `orderly-web-build-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`);

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

function isStale(): boolean {
  return !existsSync(BUILD_ID) || statSync(BUILD_ID).mtimeMs <= Math.max(...SOURCES.map(newestMtime));
}

function holderIsAlive(): boolean {
  try {
    return isAlive(Number(readFileSync(join(LOCK, "pid"), "utf8")));
  } catch {
    return true; // being taken or released right now
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    writeFileSync(join(LOCK, "pid"), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (!holderIsAlive()) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Builds web/ (next build) when it has no build or a source is newer than the build. */
export async function buildWebIfStale(processes: Launcher): Promise<void> {
  if (!isStale()) return;
  await until(tryLock, 10 * 60_000, "the web build lock");
  try {
    if (!isStale()) return; // built meanwhile by whoever held the lock
    processes.log("Building the web app (next build)…");
    await processes.run("build", process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
      cwd: join(ROOT, "web"),
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
