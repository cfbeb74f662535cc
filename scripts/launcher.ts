import { readFileSync } from "node:fs";
import { describeExit, startChild, stopChild, waitForReady, type Child, type Exit } from "./processes.ts";

/** A server process the launcher starts, watches and stops by PID. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** True once the process serves: an HTTP health check, an open port, a query. */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
  /** The signal that stops it gracefully (Postgres: SIGINT, its fast shutdown). Default SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** Runs as this user (Postgres refuses to run as root). */
  user?: { uid: number; gid: number };
}

export interface Crash extends Exit {
  name: string;
  /** The end of what it printed, to tell why. */
  tail: string;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export class StartError extends Error {
  override name = "StartError";
}

/**
 * Starts, watches and stops the stack's processes, each by name and PID: servers (started and
 * awaited until ready, restartable from their spec) and one-shot commands (builds, initdb).
 * Once `stopAll` is called it starts nothing more.
 */
export class Launcher {
  private readonly specs = new Map<string, ProcessSpec>();
  private readonly running = new Map<string, Child>();
  /** Every name in the order first started: stopAll stops in reverse. */
  private readonly order: string[] = [];
  private readonly crashListeners: ((crash: Crash) => void)[] = [];
  private closed = false;

  constructor(private readonly options: { quiet?: boolean } = {}) {}

  log(line: string): void {
    if (!this.options.quiet) console.log(line);
  }

  /** Starts a server and resolves once it is ready; rejects if it exits or times out first. */
  async start(spec: ProcessSpec): Promise<void> {
    const child = this.spawn(spec.name, spec.command, spec.args, spec);
    this.specs.set(spec.name, spec);
    void child.exited.then((exit) => {
      if (this.running.get(spec.name) !== child) return;
      this.running.delete(spec.name);
      if (!this.closed) for (const listener of this.crashListeners) listener({ name: spec.name, ...exit, tail: child.tail() });
    });
    const started = Date.now();
    try {
      await waitForReady(child, spec.ready, spec.readyTimeoutMs);
    } catch (error) {
      // A hung start is killed, so that it ends (and is reported) like any other crash.
      child.process.kill("SIGKILL");
      throw new StartError(this.withTail(child, (error as Error).message));
    }
    this.log(`${spec.name} ready in ${seconds(started)} (pid ${child.process.pid})`);
  }

  /** Runs a command to completion; rejects unless it exits with code 0. */
  async run(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
    const child = this.spawn(name, command, args, options);
    const started = Date.now();
    const exit = await child.exited;
    if (this.running.get(name) === child) this.running.delete(name);
    if (exit.code !== 0) throw new StartError(this.withTail(child, `${name} failed (exited with ${describeExit(exit)})`));
    this.log(`${name} done in ${seconds(started)}`);
  }

  /** Stops a process: gracefully (its stop signal, SIGKILL after a grace period) or with `signal`. */
  async stop(name: string, signal?: NodeJS.Signals): Promise<void> {
    const child = this.running.get(name);
    if (!child) return;
    this.running.delete(name);
    await stopChild(child, signal ?? this.specs.get(name)?.stopSignal);
  }

  /** Freezes a process (SIGSTOP): it keeps its sockets open but answers nothing, like a hung server. */
  pause(name: string): void {
    process.kill(this.pid(name), "SIGSTOP");
  }

  resume(name: string): void {
    process.kill(this.pid(name), "SIGCONT");
  }

  /** Starts a server again from its last spec, stopping it first if it runs. */
  async restart(name: string): Promise<void> {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`${name} was never started`);
    await this.stop(name);
    await this.start(spec);
  }

  /** Stops everything, last started first; the launcher starts nothing afterwards. */
  async stopAll(): Promise<void> {
    this.closed = true;
    for (const name of [...this.order].reverse()) await this.stop(name);
  }

  /** Called when a server exits without being stopped through the launcher. */
  onCrash(listener: (crash: Crash) => void): void {
    this.crashListeners.push(listener);
  }

  pid(name: string): number {
    const pid = this.running.get(name)?.process.pid;
    if (pid === undefined) throw new Error(`${name} is not running`);
    return pid;
  }

  /** Resident memory of a running process, in bytes (Linux). */
  rss(name: string): number {
    const status = readFileSync(`/proc/${this.pid(name)}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
  }

  private spawn(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; user?: ProcessSpec["user"] }): Child {
    if (this.closed) throw new StartError(`not starting ${name}: stopping`);
    if (this.running.has(name)) throw new Error(`${name} is already running`);
    const child = startChild(name, command, args, { ...options, quiet: this.options.quiet });
    this.running.set(name, child);
    if (!this.order.includes(name)) this.order.push(name);
    return child;
  }

  private withTail(child: Child, message: string): string {
    return this.options.quiet && child.tail() ? `${message}:\n${child.tail()}` : message;
  }
}
