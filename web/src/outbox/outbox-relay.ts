import { MAX_EVENTS_PER_BATCH, MAX_RESTAURANT_EVENTS_PER_BATCH, type InternalEventBatch, type Menu, type OrderUpdate } from "@orderly/shared";
import type { Prisma, PrismaClient } from "@orderly/prisma";
import type { Logger } from "pino";
import { TICKET_INCLUDE, toOrderEvent, toTicket } from "../orders/ticket.ts";
import { loadMenu } from "../restaurants/menu.ts";
import { postBatch } from "./post-batch.ts";
import { toRestaurantEvent } from "../restaurants/restaurant-event.ts";

/** Held (per transaction) while publishing, so two web processes never publish at once and seq order holds. */
const OUTBOX_LOCK = 6_172_200_931;
const ORDERS_PER_FLUSH = 50;

export interface RelayOptions {
  prisma: PrismaClient;
  realtimeUrl: string;
  internalSecret: string;
  log: Logger;
  /** How often to look for events left unpublished (by another process or a crash). */
  pollMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
}

export type FlushResult = { published: number } | "busy";

/**
 * Publishes OrderEvent rows with publishedAt null to the realtime server, oldest orders first and
 * each order's events in seq order, then RestaurantEvent rows by seq, marking them published only
 * after a 2xx. Runs on a timer and
 * whenever kicked after a commit; failures back off exponentially up to maxBackoffMs.
 */
export class OutboxRelay {
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly requestTimeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Failed passes in a row (0 while publishing works). */
  failures = 0;
  private stopped = true;

  constructor(private readonly options: RelayOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5000;
  }

  start(): this {
    if (this.stopped) {
      this.stopped = false;
      this.kick();
    }
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Publish now (after a commit); if a flush is under way, run once more after it. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  private async loop(): Promise<void> {
    let delay = this.pollMs;
    do {
      this.again = false;
      try {
        const result = await this.flush();
        this.failures = 0;
        if (result !== "busy" && result.published > 0) this.again = true;
      } catch (error) {
        this.failures++;
        delay = Math.min(this.maxBackoffMs, 250 * 2 ** this.failures) * (0.75 + Math.random() / 2);
        this.options.log.warn(
          { err: error instanceof Error ? error.message : String(error), failures: this.failures, retryInMs: Math.round(delay) },
          "outbox: publishing failed",
        );
        this.again = false;
      }
    } while (this.again && !this.stopped);
    if (!this.stopped) this.timer = setTimeout(() => this.kick(), delay);
  }

  /** One pass: publish the pending events of up to ORDERS_PER_FLUSH orders, and of restaurants. */
  async flush(): Promise<FlushResult> {
    const { prisma } = this.options;
    return prisma.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${OUTBOX_LOCK}::bigint) AS locked`;
        if (!locked) return "busy";
        return { published: (await this.publishOrderEvents(tx)) + (await this.publishRestaurantEvents(tx)) };
      },
      { maxWait: 5000, timeout: 60_000 },
    );
  }

  private async publishOrderEvents(tx: Prisma.TransactionClient): Promise<number> {
    const orders = await tx.$queryRaw<{ orderId: string }[]>`
      SELECT "orderId" FROM "OrderEvent" WHERE "publishedAt" IS NULL
      GROUP BY "orderId" ORDER BY min("createdAt") LIMIT ${ORDERS_PER_FLUSH}`;
    if (orders.length === 0) return 0;
    const orderIds = orders.map((o) => o.orderId);
    const [events, tickets] = await Promise.all([
      tx.orderEvent.findMany({ where: { publishedAt: null, orderId: { in: orderIds } }, orderBy: [{ createdAt: "asc" }, { seq: "asc" }] }),
      tx.order.findMany({ where: { id: { in: orderIds } }, include: TICKET_INCLUDE }),
    ]);
    const ticketOf = new Map(tickets.map((t) => [t.id, toTicket(t)]));
    // Keep the oldest-first interleaving of orders, but each order's events strictly by seq,
    // whatever the clocks that stamped createdAt said.
    const queues = new Map<string, typeof events>();
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) queues.set(e.orderId, [...(queues.get(e.orderId) ?? []), e]);
    const updates: OrderUpdate[] = events.map(({ orderId }) => {
      const next = queues.get(orderId)!.shift()!;
      return { event: toOrderEvent(next), ticket: ticketOf.get(orderId)! };
    });
    for (let i = 0; i < updates.length; i += MAX_EVENTS_PER_BATCH / 2) {
      await this.post({ events: updates.slice(i, i + MAX_EVENTS_PER_BATCH / 2), restaurantEvents: [], positions: [] });
    }
    await tx.orderEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { publishedAt: new Date() } });
    return events.length;
  }

  /** Each event goes with its restaurant's menu as it stands now (clients replace theirs by seq). */
  private async publishRestaurantEvents(tx: Prisma.TransactionClient): Promise<number> {
    const events = await tx.restaurantEvent.findMany({
      where: { publishedAt: null },
      orderBy: [{ restaurantId: "asc" }, { seq: "asc" }],
      take: MAX_RESTAURANT_EVENTS_PER_BATCH,
    });
    if (events.length === 0) return 0;
    const menus = new Map<string, Menu>();
    for (const id of new Set(events.map((e) => e.restaurantId))) menus.set(id, (await loadMenu(tx, { id }))!);
    await this.post({ events: [], restaurantEvents: events.map((row) => ({ event: toRestaurantEvent(row), menu: menus.get(row.restaurantId)! })), positions: [] });
    await tx.restaurantEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { publishedAt: new Date() } });
    return events.length;
  }

  private post(batch: InternalEventBatch): Promise<void> {
    return postBatch(this.options.realtimeUrl, this.options.internalSecret, batch, this.requestTimeoutMs);
  }
}
