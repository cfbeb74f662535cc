import type { Launcher } from "./launcher.ts";
import { describeExit } from "./processes.ts";

/** Restarts after 0.5, 1, 2 and 4 s; the fifth crash of one process within a minute ends the run. */
const FIRST_DELAY_MS = 500;
const MAX_CRASHES = 5;
const WINDOW_MS = 60_000;

/**
 * Restarts any process of `processes` that exits on its own, with backoff, saying so; after too
 * many crashes in a short time calls `giveUp` with the reason instead.
 */
export function restartOnCrash(processes: Launcher, giveUp: (reason: string) => void): void {
  const crashes = new Map<string, number[]>();
  processes.onCrash((crash) => {
    const now = Date.now();
    const recent = [...(crashes.get(crash.name) ?? []), now].filter((at) => now - at < WINDOW_MS);
    crashes.set(crash.name, recent);
    const exited = `${crash.name} exited with ${describeExit(crash)}`;
    if (recent.length >= MAX_CRASHES) return giveUp(`${exited} (${recent.length} crashes within ${WINDOW_MS / 1000} s); giving up.`);
    const delay = FIRST_DELAY_MS * 2 ** (recent.length - 1);
    processes.log(`${exited}; restarting in ${delay / 1000} s`);
    // A restart that fails ends in another crash (or in stopAll), which this same path handles.
    setTimeout(() => void processes.restart(crash.name).catch(() => undefined), delay);
  });
}
