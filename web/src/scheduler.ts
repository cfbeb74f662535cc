import { log } from "./log.ts";
import { releaseDueOrders } from "./orders/release-scheduled.ts";
import { restoreDueItems } from "./restaurants/menu-changes.ts";

/** Changes due by `now`: scheduled orders to release, sold-out items to bring back. Answers how many were made. */
export async function runDueChanges(now: Date): Promise<number> {
  return (await releaseDueOrders(now)) + (await restoreDueItems(now));
}

const INTERVAL_MS = 1000;

/**
 * Runs the due changes every second in this process. Several processes may run it: the database
 * decides each change once (and each change hands its events to the relay).
 */
export function startScheduler(): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueChanges(new Date())
      .catch((error: unknown) => log().warn({ err: error instanceof Error ? error.message : String(error) }, "scheduler: due changes failed"))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
