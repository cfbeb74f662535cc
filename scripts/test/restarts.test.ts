import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpOk, isAlive, isPortFree, until } from "../processes.ts";
import { NpmStart } from "./npm-start.ts";

const PORTS = { WEB_PORT: "3986", REALTIME_PORT: "3987" };
const HEALTH = { realtime: `http://127.0.0.1:${PORTS.REALTIME_PORT}/healthz`, web: `http://127.0.0.1:${PORTS.WEB_PORT}/api/health` };

describe("npm start when a server crashes", () => {
  let database: TestDatabase;
  let dataDir: string;
  let run: NpmStart;
  beforeAll(async () => {
    database = await createTestDatabase("restarts");
    dataDir = await mkdtemp(join(tmpdir(), "orderly-restarts-"));
    run = new NpmStart({ ...PORTS, DATABASE_URL: database.url, ORDERLY_DATA_DIR: dataDir });
    await run.output(/Press Ctrl-C to stop/);
  }, 240_000);
  afterAll(async () => {
    await run?.kill();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("restarts it, says so, and it answers health again", async () => {
    for (const name of ["realtime", "web"] as const) {
      const crashed = run.childPid(name);
      process.kill(crashed, "SIGKILL");
      await run.output(new RegExp(`^${name} exited with signal SIGKILL; restarting in 0.5 s$`, "m"));
      const restarted = await until(() => (run.childPid(name) === crashed ? undefined : run.childPid(name)), 120_000, `${name} restarted`);
      expect(isAlive(crashed)).toBe(false);
      expect(isAlive(restarted)).toBe(true);
      expect(await httpOk(HEALTH[name])).toBe(true);
    }
  });

  it("gives up after repeated crashes in a short time, stops everything and frees every port", async () => {
    // Once realtime is killed, its port is taken: every restart then exits with code 1.
    const blocker = createServer((socket) => socket.destroy());
    const listen = () =>
      new Promise<boolean>((resolve) => {
        blocker.once("error", () => resolve(false));
        blocker.listen(Number(PORTS.REALTIME_PORT), "0.0.0.0", () => resolve(true));
      });
    try {
      const pids = [run.childPid("realtime"), run.childPid("web")];
      process.kill(pids[0]!, "SIGKILL");
      await until(listen, 400, "taking the realtime port before the first restart");
      expect(await run.exited).toBe(1);
      expect(run.stdout).toMatch(/^realtime exited with code 1; restarting in 2 s$/m);
      expect(run.stderr.trim()).toBe("realtime exited with code 1 (5 crashes within 60 s); giving up.");
      for (const pid of pids) expect(isAlive(pid), `pid ${pid} gone`).toBe(false);
      expect(await isPortFree(Number(PORTS.WEB_PORT))).toBe(true);
    } finally {
      if (blocker.listening) blocker.close();
    }
  });
});
