import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { Launcher, type Crash } from "../launcher.ts";
import { isAlive, isPortFree, until } from "../processes.ts";
import { redisServer } from "../servers.ts";

const PORT = 3985;

/** A Redis PING over a raw socket: true once it answers PONG. */
function pong(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(PORT, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.setTimeout(2000, () => socket.destroy());
    socket.once("data", (data) => resolve(data.toString() === "+PONG\r\n"));
    socket.once("close", () => resolve(false));
    socket.once("error", () => resolve(false));
  });
}

const state = (pid: number) => /State:\s+(\S)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1];

describe("the launcher", () => {
  const processes = new Launcher({ quiet: true });
  const crashes: Crash[] = [];
  processes.onCrash((crash) => crashes.push(crash));
  afterAll(() => processes.stopAll());

  it("starts a process once it answers, measures it, and stops and restarts it by name", async () => {
    await processes.start(redisServer(PORT));
    const first = processes.pid("redis");
    expect(await pong()).toBe(true);
    expect(processes.rss("redis")).toBeGreaterThan(1_000_000);

    await processes.stop("redis", "SIGKILL");
    expect(isAlive(first)).toBe(false);
    expect(await isPortFree(PORT)).toBe(true);
    await processes.restart("redis");
    expect(processes.pid("redis")).not.toBe(first);
    expect(await pong()).toBe(true);
    expect(crashes).toEqual([]);
  });

  it("reports a process that exits without being stopped", async () => {
    process.kill(processes.pid("redis"), "SIGKILL");
    await until(() => crashes.length > 0, 5000, "the crash reported");
    expect(crashes).toEqual([{ name: "redis", code: null, signal: "SIGKILL", tail: expect.any(String) }]);
    expect(() => processes.pid("redis")).toThrow("redis is not running");
  });

  it("pauses and resumes a process", async () => {
    await processes.restart("redis");
    const pid = processes.pid("redis");
    processes.pause("redis");
    await until(() => state(pid) === "T", 5000, "redis stopped");
    processes.resume("redis");
    await until(() => state(pid) !== "T", 5000, "redis running again");
    expect(await pong()).toBe(true);
  });

  it("stops a paused process, stops everything, and then starts nothing", async () => {
    const pid = processes.pid("redis");
    processes.pause("redis");
    await until(() => state(pid) === "T", 5000, "redis stopped");
    await processes.stopAll();
    expect(isAlive(pid)).toBe(false);
    expect(await isPortFree(PORT)).toBe(true);
    await expect(processes.start(redisServer(PORT))).rejects.toThrow("not starting redis: stopping");
    expect(crashes).toHaveLength(1);
  });
});
