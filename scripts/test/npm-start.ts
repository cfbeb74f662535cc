import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { isAlive, until } from "../processes.ts";
import { ROOT } from "../root.ts";
import { tsxArgs } from "../servers.ts";

/** Only what a shell gives any process: no DATABASE_URL, secrets or ports from the test runner. */
const BASE_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => ["PATH", "HOME", "LANG", "TMPDIR", "USER"].includes(name)));

/** `npm start`'s script as a real process (node + tsx scripts/start.ts), with its output. */
export class NpmStart {
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(env: NodeJS.ProcessEnv, options: { cwd?: string } = {}) {
    this.child = spawn(process.execPath, tsxArgs(join(ROOT, "scripts/start.ts")), { cwd: options.cwd ?? ROOT, env: { ...BASE_ENV, ...env } });
    this.child.stdout!.on("data", (chunk: Buffer) => (this.stdout += chunk));
    this.child.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Waits until the output matches; fails early if the process exits first. */
  async output(pattern: RegExp, ms = 180_000): Promise<RegExpMatchArray> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    return until(
      () => {
        const match = pattern.exec(this.stdout + this.stderr);
        if (!match && exited) throw new Error(`npm start exited before printing ${pattern}:\n${this.stdout}\n${this.stderr}`);
        return match;
      },
      ms,
      `npm start printing ${pattern}`,
    );
  }

  /** The PID a process had when last reported ready ("realtime ready in 0.9 s (pid 123)"). */
  childPid(name: string): number {
    const pids = [...this.stdout.matchAll(new RegExp(`^${name} ready in .* \\(pid (\\d+)\\)$`, "gm"))].map((m) => Number(m[1]));
    if (!pids.length) throw new Error(`npm start reported no ${name}`);
    return pids.at(-1)!;
  }

  /** Every PID it reported. */
  childPids(): number[] {
    return [...this.stdout.matchAll(/^\S+ ready in .* \(pid (\d+)\)$/gm)].map((m) => Number(m[1]));
  }

  /** Ctrl-C; resolves with the exit code. */
  async interrupt(): Promise<number | null> {
    this.child.kill("SIGINT");
    return this.exited;
  }

  /**
   * For afterAll/finally, so that a failed test leaks nothing: SIGTERM (npm start stops its
   * children), then SIGKILL whatever is still alive, by PID.
   */
  async kill(): Promise<void> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    this.child.kill("SIGTERM");
    await until(() => exited, 30_000, "npm start stopping").catch(() => undefined);
    for (const pid of [this.pid, ...this.childPids()]) if (isAlive(pid)) process.kill(pid, "SIGKILL");
    await this.exited;
  }
}
