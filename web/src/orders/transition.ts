import { AppError, actorRoleFor, forbidden, judgeMove, notFound, type OrderSnapshot, type TokenClaims, type TransitionRequest } from "@orderly/shared";
import { db } from "../db.ts";
import { canSeeOrder } from "../auth/access.ts";
import { TICKET_INCLUDE, loadSnapshot, prepMinutesOf } from "./ticket.ts";

/**
 * Moves an order one step, as the state machine allows for the caller's role. The update is a
 * compare-and-set on (status, seq), so of two concurrent moves exactly one wins and seq stays gapless.
 */
export async function transitionOrder(claims: TokenClaims, orderId: string, request: TransitionRequest): Promise<OrderSnapshot> {
  return db().$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, include: TICKET_INCLUDE });
    if (!order) throw notFound("Order");
    if (!canSeeOrder(claims, order)) throw forbidden("This order belongs to another kitchen or restaurant");
    const verdict = judgeMove(claims.role, order.status, request.to, order.fulfilment);
    if (verdict === "forbidden") throw forbidden(`A ${claims.role} may never move an order to ${request.to}`);
    if (request.expectedSeq !== undefined && request.expectedSeq !== order.seq) {
      throw new AppError("STALE", `The order has changed (seq ${order.seq}, expected ${request.expectedSeq}); reload it`, {
        fields: { expectedSeq: `is ${order.seq} now` },
      });
    }
    if (verdict === "illegal") {
      throw new AppError("ILLEGAL_TRANSITION", `A ${claims.role} cannot move this order from ${order.status} to ${request.to}`, {
        fields: { to: `not allowed from ${order.status}` },
      });
    }
    const actorId = claims.role === "customer" ? null : claims.sub;
    if (request.to === "DELIVERED" && claims.role === "delivery" && order.courierId !== actorId) {
      throw forbidden("Only the courier who took this order can deliver it");
    }

    const seq = order.seq + 1;
    const moved = await tx.order.updateMany({
      where: { id: order.id, seq: order.seq, status: order.status },
      data: {
        status: request.to,
        seq,
        ...(request.to === "OUT_FOR_DELIVERY" && { courierId: actorId }),
        ...(request.to === "ACCEPTED" && { estimatedReadyAt: new Date(Date.now() + prepMinutesOf(order) * 60_000) }),
      },
    });
    if (moved.count === 0) {
      throw new AppError("CONFLICT", `The order was changed by someone else; it is no longer ${order.status}`);
    }
    await tx.orderEvent.create({
      data: { orderId: order.id, seq, fromStatus: order.status, toStatus: request.to, actorRole: actorRoleFor(claims.role), actorId },
    });
    return (await loadSnapshot(tx, order.id))!;
  });
}
