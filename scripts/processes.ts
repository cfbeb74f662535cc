import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<Exit>;
  /** The last lines it printed, for error messages when its output is not shown. */
  tail(): string;
}

const TAIL_CHARACTERS = 4000;

/** Starts a long-running child whose output is prefixed with its name. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; user?: { uid: number; gid: number } } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    ...options.user,
  });
  let tail = "";
  const print = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-TAIL_CHARACTERS);
    if (!options.quiet) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `));
  };
  child.stdout?.on("data", print);
  child.stderr?.on("data", print);
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      print(Buffer.from(`${error.message}\n`));
      resolve({ code: null, signal: null });
    });
  });
  return { name, process: child, exited, tail: () => tail.trim() };
}

export function describeExit({ code, signal }: Exit): string {
  return signal ? `signal ${signal}` : code === null ? "an error" : `code ${code}`;
}

/** Sends `signal`, then SIGKILL after `graceMs` if it has not exited. */
export async function stopChild(child: Child, signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  child.process.kill("SIGCONT"); // a paused process acts on the signal only once it runs again
  const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Whether a process with this PID exists (one that exited counts until its parent has reaped it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function isPortFree(port: number, host = "0.0.0.0"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function portAccepts(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export function httpOk(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
}

/** Resolves once `ready` returns true; rejects if `child` exits first or time runs out. */
export async function waitForReady(child: Child, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: Exit | undefined;
  void child.exited.then((e) => (exit = e));
  for (;;) {
    if (exit) throw new Error(`${child.name} exited with ${describeExit(exit)} before it was ready`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${child.name} was not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once something listens on host:port; rejects if `child` exits first or time runs out. */
export function waitForPort(port: number, host: string, child: Child, timeoutMs = 60_000): Promise<void> {
  return waitForReady(child, () => portAccepts(port, host), timeoutMs);
}

/** Polls `check` (a condition, never a fixed sleep) until it returns something truthy or `ms` pass. */
export async function until<T>(check: () => T | Promise<T>, ms = 15_000, what = "condition"): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${ms / 1000}s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A port nothing listens on now, for a server a test starts (and restarts) at a URL it hands out first. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
