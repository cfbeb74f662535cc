import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ProcessSpec } from "./launcher.ts";
import { httpOk, portAccepts } from "./processes.ts";
import { ROOT } from "./root.ts";

// Node 20 has no type stripping: TypeScript entry points run through tsx's loader, named by
// path so that a child finds it from any working directory.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** Arguments for Node to run a TypeScript file. */
export function tsxArgs(file: string): string[] {
  return ["--import", TSX_LOADER, file];
}

/** Node running a TypeScript entry point. */
export function tsxProcess(name: string, file: string, options: Omit<ProcessSpec, "name" | "command" | "args">): ProcessSpec {
  return { name, command: process.execPath, args: tsxArgs(file), ...options };
}

export function realtimeServer(name: string, port: number, env: NodeJS.ProcessEnv): ProcessSpec {
  return tsxProcess(name, join(ROOT, "realtime-server/src/main.ts"), {
    cwd: join(ROOT, "realtime-server"),
    env: { ...env, REALTIME_PORT: String(port) },
    ready: () => httpOk(`http://127.0.0.1:${port}/healthz`),
  });
}

/** The built web app (see web-build.ts) served by web/server.ts. */
export function webServer(port: number, env: NodeJS.ProcessEnv): ProcessSpec {
  return tsxProcess("web", join(ROOT, "web/server.ts"), {
    cwd: join(ROOT, "web"),
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env, WEB_PORT: String(port) },
    ready: () => httpOk(`http://127.0.0.1:${port}/api/health`),
    readyTimeoutMs: 120_000,
  });
}

/** A throwaway Redis of its own: no persistence, loopback only. */
export function redisServer(port: number): ProcessSpec {
  return {
    name: "redis",
    command: "redis-server",
    args: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    ready: () => portAccepts(port),
  };
}
