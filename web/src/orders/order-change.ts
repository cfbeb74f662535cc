import {
  AppError,
  forbidden,
  isRecall,
  notFound,
  type CloseReasonDetail,
  type OrderChange,
  type OrderEvent,
  type OrderSnapshot,
  type OrderStatus,
  type TokenClaims,
} from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import type { Actor } from "../actor.ts";
import { canSeeOrder } from "../auth/access.ts";
import { db } from "../db.ts";
import { CLAIM_MS, type OutboxRelay } from "../outbox/outbox-relay.ts";
import { handOver, outboxRelay } from "../outbox/relay.ts";
import { TICKET_INCLUDE, loadSnapshot, type OrderWithItems } from "./ticket.ts";

/** What a change does: the order's new columns, and one event per change, each by its actor. */
export interface Plan {
  data: Prisma.OrderUncheckedUpdateManyInput;
  changes: { change: OrderChange; actor: Actor }[];
}

const ORDER_FOR_CHANGE = {
  ...TICKET_INCLUDE,
  restaurant: { select: { usesExpo: true, extraPrepMinutes: true } },
  /** Its events not yet published: whether this change may claim its own (OutboxRelay.mayClaim). */
  events: { where: { publishedAt: null }, select: { id: true } },
} satisfies Prisma.OrderInclude;
export type OrderForChange = OrderWithItems & Prisma.OrderGetPayload<{ include: typeof ORDER_FOR_CHANGE }>;

/** The order columns a status move sets: where it came from, when, and whether it went back. */
export function statusMoveData(from: OrderStatus, to: OrderStatus, now: Date, reason?: CloseReasonDetail): Prisma.OrderUpdateManyMutationInput {
  return {
    status: to,
    previousStatus: from,
    statusChangedAt: now,
    recalledAt: isRecall(from, to) ? now : null,
    closeReason: reason?.code ?? null,
    closeNote: reason?.note ?? null,
  };
}

/**
 * Every change to an order goes through here, in one transaction: the caller must be allowed to
 * see the order (null: the server itself, releasing a scheduled order), `plan` decides what
 * changes (null: nothing to do), and the order's columns, its seq and one OrderEvent row per
 * change (the next seqs, gapless) are written only if no other change committed since the order
 * was read. One that lost that race runs again with the order's row locked first, so concurrent
 * changes to one order take effect one after the other, each planned on the other's result.
 * After the commit the events go to this process's relay. Answers the order's snapshot as committed.
 */
export async function changeOrder(claims: TokenClaims | null, orderId: string, plan: PlanFor): Promise<OrderSnapshot> {
  const relay = outboxRelay();
  const attempt = (lock: boolean) => db().$transaction((tx) => changeOrderIn(tx, claims, orderId, plan, { relay, lock }));
  const changed = await attempt(false).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFLICT") return attempt(true);
    throw error;
  });
  handOver(relay, changed);
  return changed.snapshot;
}

/** Decides a change from the order as read. It may run twice (again under the row lock, after losing a race): only the run that commits counts. */
type PlanFor = (order: OrderForChange, now: Date, tx: Prisma.TransactionClient) => Promise<Plan | null> | Plan | null;

/** What a change committed: the snapshot, and its new events, claimed for this process's relay or left to any relay. */
export interface Changed {
  snapshot: OrderSnapshot;
  events: OrderEvent[];
  claimed: boolean;
}

/**
 * changeOrder within a transaction of the caller's, the order's row locked first unless `lock` is
 * false; with no `relay` (a restaurant change that moves its orders' estimates, published after
 * the caller commits) the events are left to any relay.
 */
export async function changeOrderIn(
  tx: Prisma.TransactionClient,
  claims: TokenClaims | null,
  orderId: string,
  plan: PlanFor,
  { relay, lock = true }: { relay?: OutboxRelay; lock?: boolean } = {},
): Promise<Changed> {
  if (lock) await tx.$executeRaw`SELECT 1 FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUnique({ where: { id: orderId }, include: ORDER_FOR_CHANGE });
  if (!order) throw notFound("Order");
  if (claims && !canSeeOrder(claims, order)) {
    throw forbidden(claims.role === "delivery" && order.courierId ? "Another courier has this order" : "This order belongs to another kitchen or restaurant");
  }
  const now = new Date();
  const planned = await plan(order, now, tx);
  const claimed = relay?.mayClaim(order.events.map((e) => e.id)) ?? false;
  if (planned) {
    const seq = order.seq + planned.changes.length;
    const updated = await tx.order.updateMany({ where: { id: order.id, seq: order.seq }, data: { ...planned.data, seq } });
    if (updated.count === 0) throw new AppError("CONFLICT", "The order was changed by someone else; try again");
    await tx.orderEvent.createMany({
      data: planned.changes.map(({ change, actor }, i) => ({
        orderId: order.id,
        seq: order.seq + 1 + i,
        type: change.type,
        payload: change.payload,
        actorRole: actor.role,
        actorId: actor.id,
        claimedUntil: claimed ? new Date(now.getTime() + CLAIM_MS) : null,
      })),
    });
  }
  const snapshot = (await loadSnapshot(tx, order.id))!;
  return { snapshot, events: snapshot.timeline.filter((e) => e.seq > order.seq), claimed };
}
