import { MAX_EVENTS_PER_BATCH, MAX_RESTAURANT_EVENTS_PER_BATCH, type InternalEventBatch, type Menu, type OrderUpdate } from "@orderly/shared";
import type { Prisma, PrismaClient } from "@orderly/prisma";
import type { Logger } from "pino";
import { TICKET_INCLUDE, toOrderEvent, toTicket } from "../orders/ticket.ts";
import { loadMenu } from "../restaurants/menu.ts";
import { postBatch } from "./post-batch.ts";
import { toRestaurantEvent } from "../restaurants/restaurant-event.ts";

/** Held only while claiming, so that two relays never split one order's (or restaurant's) pending events between them. */
const CLAIM_LOCK = 6_172_200_931;
const ORDERS_PER_CLAIM = 50;
/** How long a claim holds: past it (a relay that died mid-post) another relay publishes the events again. */
export const CLAIM_MS = 15_000;

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

type OrderEventRow = Prisma.OrderEventGetPayload<object>;

/**
 * Publishes order and restaurant events to the realtime server: claim, post, mark, with no
 * transaction or lock held across the POST, each order's (and restaurant's) events in seq order
 * however many web processes run a relay.
 *
 * - Fast path: a writer that committed its order's events already claimed for this process hands
 *   them over with the ticket it just read (`publish`); they go out in the order handed over.
 * - Claim path, on a timer and when kicked: claims the pending events of orders nobody holds
 *   (oldest first), re-reads their tickets, posts, marks. Restaurant events go the same way, each
 *   with its restaurant's menu as it stands now (clients replace theirs by seq).
 *
 * A writer may claim its events only when every earlier pending event of the order is held here
 * (`mayClaim`), so an order's events never overtake each other. When a POST fails, this process's
 * claims are released to the claim path, which backs off exponentially up to maxBackoffMs.
 */
export class OutboxRelay {
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly requestTimeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private claimWanted = false;
  private lastClaimAt = 0;
  /** Handed over by writers, not yet posted. */
  private queued: OrderUpdate[] = [];
  /** Ids of the events this process has claimed and not yet marked published. */
  private readonly held = new Set<string>();
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

  /** Whether a writer may claim its new events for this process, given its order's events still pending. */
  mayClaim(pendingEventIds: string[]): boolean {
    return !this.stopped && this.failures === 0 && pendingEventIds.every((id) => this.held.has(id));
  }

  /** A writer's committed events, claimed for this process (`mayClaim`), each with the order's ticket as committed. */
  publish(updates: OrderUpdate[]): void {
    for (const update of updates) this.held.add(update.event.id);
    this.queued.push(...updates);
    this.run();
  }

  /** Look for pending events now (after a commit that did not claim its own); if a pass is under way, once more after it. */
  kick(): void {
    this.claimWanted = true;
    this.run();
  }

  private run(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  private async loop(): Promise<void> {
    let delay = 0;
    do {
      this.again = false;
      try {
        await this.publishQueued();
        // Under a steady stream of writes the claim path still runs every pollMs, for what other processes left.
        if (this.claimWanted || this.failures > 0 || Date.now() - this.lastClaimAt >= this.pollMs) {
          this.claimWanted = false;
          this.lastClaimAt = Date.now();
          if ((await this.publishClaimed()) > 0) this.claimWanted = this.again = true;
        }
        this.failures = 0;
      } catch (error) {
        this.failures++;
        delay = Math.min(this.maxBackoffMs, 250 * 2 ** this.failures) * (0.75 + Math.random() / 2);
        this.options.log.warn(
          { err: error instanceof Error ? error.message : String(error), failures: this.failures, retryInMs: Math.round(delay) },
          "outbox: publishing failed",
        );
        await this.release().catch(() => undefined);
        this.again = false;
      }
    } while (this.again && !this.stopped);
    if (!this.stopped) this.timer = setTimeout(() => this.kick(), this.failures > 0 ? delay : this.lastClaimAt + this.pollMs - Date.now());
  }

  /** One pass of the fast path, or a release of what was handed over while publishing fails. */
  private async publishQueued(): Promise<void> {
    if (this.queued.length === 0) return;
    if (this.failures > 0) return this.release();
    const updates = this.queued;
    this.queued = [];
    await this.postOrderUpdates(updates);
    await this.markOrderEvents(updates.map((u) => u.event.id));
  }

  /** Gives this process's claims back to the claim path (it takes each order's events together, in seq order). */
  private async release(): Promise<void> {
    const ids = [...this.held];
    this.queued = [];
    if (ids.length === 0) return;
    const { prisma } = this.options;
    const where = { id: { in: ids }, publishedAt: null };
    await prisma.$transaction([prisma.orderEvent.updateMany({ where, data: { claimedUntil: null } }), prisma.restaurantEvent.updateMany({ where, data: { claimedUntil: null } })]);
    for (const id of ids) this.held.delete(id);
  }

  /** One pass of the claim path: order events, then restaurant events. */
  private async publishClaimed(): Promise<number> {
    return (await this.publishClaimedOrderEvents()) + (await this.publishClaimedRestaurantEvents());
  }

  private async publishClaimedOrderEvents(): Promise<number> {
    const now = new Date();
    const until = new Date(now.getTime() + CLAIM_MS);
    const events = await this.claim(
      (tx) => tx.$queryRaw<OrderEventRow[]>`
        UPDATE "OrderEvent" SET "claimedUntil" = ${until}
        WHERE "publishedAt" IS NULL AND "orderId" IN (
          SELECT "orderId" FROM "OrderEvent" WHERE "publishedAt" IS NULL
          GROUP BY "orderId" HAVING bool_and("claimedUntil" IS NULL OR "claimedUntil" < ${now})
          ORDER BY min("createdAt") LIMIT ${ORDERS_PER_CLAIM})
        RETURNING *`,
    );
    if (events.length === 0) return 0;
    for (const e of events) this.held.add(e.id);
    const tickets = await this.options.prisma.order.findMany({ where: { id: { in: [...new Set(events.map((e) => e.orderId))] } }, include: TICKET_INCLUDE });
    const ticketOf = new Map(tickets.map((t) => [t.id, toTicket(t)]));
    // Oldest-first across orders, but each order's events strictly by seq, whatever the clocks that stamped createdAt said.
    const queues = new Map<string, OrderEventRow[]>();
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) queues.set(e.orderId, [...(queues.get(e.orderId) ?? []), e]);
    const updates = events
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(({ orderId }) => ({ event: toOrderEvent(queues.get(orderId)!.shift()!), ticket: ticketOf.get(orderId)! }));
    await this.postOrderUpdates(updates);
    await this.markOrderEvents(updates.map((u) => u.event.id));
    return updates.length;
  }

  private async publishClaimedRestaurantEvents(): Promise<number> {
    const now = new Date();
    const until = new Date(now.getTime() + CLAIM_MS);
    const events = await this.claim(
      (tx) => tx.$queryRaw<Prisma.RestaurantEventGetPayload<object>[]>`
        UPDATE "RestaurantEvent" SET "claimedUntil" = ${until}
        WHERE id IN (
          SELECT id FROM "RestaurantEvent" WHERE "publishedAt" IS NULL AND "restaurantId" IN (
            SELECT "restaurantId" FROM "RestaurantEvent" WHERE "publishedAt" IS NULL
            GROUP BY "restaurantId" HAVING bool_and("claimedUntil" IS NULL OR "claimedUntil" < ${now}))
          ORDER BY "restaurantId", seq LIMIT ${MAX_RESTAURANT_EVENTS_PER_BATCH})
        RETURNING *`,
    );
    if (events.length === 0) return 0;
    for (const e of events) this.held.add(e.id);
    events.sort((a, b) => a.restaurantId.localeCompare(b.restaurantId) || a.seq - b.seq);
    const { prisma } = this.options;
    const menus = new Map<string, Menu>();
    for (const id of new Set(events.map((e) => e.restaurantId))) menus.set(id, (await loadMenu(prisma, { id }))!);
    await this.post({ events: [], restaurantEvents: events.map((row) => ({ event: toRestaurantEvent(row), menu: menus.get(row.restaurantId)! })), positions: [] });
    const ids = events.map((e) => e.id);
    await prisma.restaurantEvent.updateMany({ where: { id: { in: ids } }, data: { publishedAt: new Date(), claimedUntil: null } });
    for (const id of ids) this.held.delete(id);
    return events.length;
  }

  /** Claims run one at a time across processes (a short transaction), so each sees the claims before it. */
  private claim<T>(update: (tx: Prisma.TransactionClient) => Promise<T[]>): Promise<T[]> {
    return this.options.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK}::bigint)`;
      return update(tx);
    });
  }

  private async postOrderUpdates(updates: OrderUpdate[]): Promise<void> {
    for (let i = 0; i < updates.length; i += MAX_EVENTS_PER_BATCH / 2) {
      await this.post({ events: updates.slice(i, i + MAX_EVENTS_PER_BATCH / 2), restaurantEvents: [], positions: [] });
    }
  }

  private async markOrderEvents(ids: string[]): Promise<void> {
    await this.options.prisma.orderEvent.updateMany({ where: { id: { in: ids } }, data: { publishedAt: new Date(), claimedUntil: null } });
    for (const id of ids) this.held.delete(id);
  }

  private post(batch: InternalEventBatch): Promise<void> {
    return postBatch(this.options.realtimeUrl, this.options.internalSecret, batch, this.requestTimeoutMs);
  }
}
