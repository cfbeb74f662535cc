import type { OrderEvent, OrderSnapshot } from "@orderly/shared";
import { db } from "../db.ts";
import { webEnv } from "../env.ts";
import { log } from "../log.ts";
import { OutboxRelay } from "./outbox-relay.ts";

const globalForRelay = globalThis as unknown as { orderlyRelay?: OutboxRelay };

/** The one relay of this server process (instrumentation and route bundles share it through globalThis). */
export function outboxRelay(): OutboxRelay {
  if (!globalForRelay.orderlyRelay) {
    const env = webEnv();
    globalForRelay.orderlyRelay = new OutboxRelay({
      prisma: db(),
      realtimeUrl: env.REALTIME_INTERNAL_URL,
      internalSecret: env.INTERNAL_SECRET,
      maxBackoffMs: env.OUTBOX_MAX_BACKOFF_MS,
      log: log(),
    }).start();
  }
  return globalForRelay.orderlyRelay;
}

/** After a commit: events claimed for this process go out with the ticket just read; others are looked for. */
export function handOver(relay: OutboxRelay, { snapshot, events, claimed }: { snapshot: OrderSnapshot; events: OrderEvent[]; claimed: boolean }): void {
  if (events.length === 0) return;
  if (claimed) relay.publish(events.map((event) => ({ event, ticket: snapshot.ticket })));
  else relay.kick();
}
