import { SYSTEM_MOVES } from "@orderly/shared";
import { SYSTEM } from "../actor.ts";
import { db } from "../db.ts";
import { changeOrder, statusMoveData } from "./order-change.ts";

const { from, to } = SYSTEM_MOVES.released;

/**
 * Moves every scheduled order whose release time has come to PLACED, as a SYSTEM event: the
 * kitchen hears it as a new order. Each order's row lock and a re-check decide it, so it happens
 * exactly once however many web processes run this.
 */
export async function releaseDueOrders(now: Date): Promise<number> {
  const due = await db().order.findMany({ where: { status: from, releaseAt: { lte: now } }, select: { id: true }, orderBy: { releaseAt: "asc" }, take: 100 });
  let released = 0;
  for (const { id } of due) {
    // A plan may run twice (changeOrder): what counts is whether the last run, the one committed, released it.
    let releasing = false;
    await changeOrder(null, id, (order, at) => {
      releasing = order.status === from && order.releaseAt !== null && order.releaseAt <= now;
      if (!releasing) return null;
      return { data: statusMoveData(from, to, at), changes: [{ change: { type: "STATUS_CHANGED", payload: { from, to } }, actor: SYSTEM }] };
    });
    if (releasing) released++;
  }
  return released;
}
