import { AppError, SYSTEM_MOVES, forbidden, notFound, type ClaimsOf, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import { SYSTEM, actorOf } from "../actor.ts";
import { changeOrder, statusMoveData, type Plan } from "./order-change.ts";

const BEING_MADE: OrderStatus[] = ["ACCEPTED", "PREPARING"];

/**
 * A station marks one of its items done (or undoes that). The first item done starts an accepted
 * order (PREPARING); the last one makes it READY when the restaurant runs without expo. Both are
 * SYSTEM events in the same transaction, so they happen exactly once however bumps race.
 */
export function bumpItem(claims: ClaimsOf<"station">, orderId: string, itemId: string, done: boolean): Promise<OrderSnapshot> {
  return changeOrder(claims, orderId, async (order, now, tx) => {
    const item = order.items.find((i) => i.id === itemId);
    if (!item) throw notFound("Item", "itemId");
    if (item.stationId !== claims.stationId) throw forbidden("This item is made at another station");
    if (!BEING_MADE.includes(order.status)) {
      throw new AppError("ILLEGAL_TRANSITION", `Items can be bumped while an order is being made, not when it is ${order.status}`, {
        fields: { done: `not while the order is ${order.status}` },
      });
    }
    if ((item.doneAt !== null) === done) return null;
    await tx.orderItem.update({ where: { id: item.id }, data: { doneAt: done ? now : null } });

    const plan: Plan = {
      data: {},
      changes: [{ change: { type: done ? "ITEM_DONE" : "ITEM_UNDONE", payload: { itemId, stationId: item.stationId } }, actor: actorOf(claims) }],
    };
    const move = (step: { from: OrderStatus; to: OrderStatus }) => {
      plan.data = statusMoveData(step.from, step.to, now);
      plan.changes.push({ change: { type: "STATUS_CHANGED", payload: step }, actor: SYSTEM });
    };
    if (done && order.status === SYSTEM_MOVES.firstItemDone.from) move(SYSTEM_MOVES.firstItemDone);
    const allDone = order.items.every((i) => (i.id === item.id ? done : i.doneAt !== null));
    if (done && allDone && !order.restaurant.usesExpo) move(SYSTEM_MOVES.lastItemDone);
    return plan;
  });
}
