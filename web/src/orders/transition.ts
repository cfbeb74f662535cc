import { AppError, forbidden, judgeMove, type CloseReasonDetail, type OrderChange, type OrderSnapshot, type ActingClaims, type TransitionRequest } from "@orderly/shared";
import { webEnv } from "../env.ts";
import { actorOf } from "../actor.ts";
import { changeOrder, statusMoveData } from "./order-change.ts";
import { prepMinutesOf } from "./ticket.ts";

/** Staff say why they cancel or reject; a customer cancelling says so by doing it. */
function closeReason(claims: ActingClaims, request: TransitionRequest): CloseReasonDetail | undefined {
  if (request.to !== "CANCELLED" && request.to !== "REJECTED") return undefined;
  if (claims.role === "customer") return { code: "CUSTOMER_ASKED" };
  if (!request.reason) {
    throw new AppError("VALIDATION_FAILED", "reason: is required to cancel or reject", { fields: { reason: "is required to cancel or reject" } });
  }
  return request.reason;
}

/**
 * Moves an order forward or back, as the state machine allows for the caller's role: a move back
 * (recall) only within RECALL_WINDOW_MINUTES of the move it undoes. 403 for a move the role may
 * never make, 409 for one the order's state (or the window) forbids.
 */
export function transitionOrder(claims: ActingClaims, orderId: string, request: TransitionRequest): Promise<OrderSnapshot> {
  const reason = closeReason(claims, request);
  const windowMinutes = webEnv().RECALL_WINDOW_MINUTES;
  return changeOrder(claims, orderId, (order, now) => {
    const verdict = judgeMove(claims.role, order, request.to, { now, windowMinutes });
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
    if (verdict === "too_late") {
      const ago = Math.floor((now.getTime() - order.statusChangedAt.getTime()) / 60_000);
      throw new AppError("ILLEGAL_TRANSITION", `A move can be undone within ${windowMinutes} minutes; this one was ${ago} minutes ago`, {
        fields: { to: `the recall window of ${windowMinutes} minutes has passed` },
      });
    }
    const actor = actorOf(claims);
    if (request.to === "DELIVERED" && claims.role === "delivery" && order.courierId !== actor.id) {
      throw forbidden("Only the courier who took this order can deliver it");
    }
    const changes: OrderChange[] = [{ type: "STATUS_CHANGED", payload: { from: order.status, to: request.to, ...(reason && { reason }) } }];
    const takenBy = request.to === "OUT_FOR_DELIVERY" ? actor.id : null;
    if (takenBy) changes.push({ type: "COURIER_ASSIGNED", payload: { courierId: takenBy } });
    return {
      data: {
        ...statusMoveData(order.status, request.to, now, reason),
        ...(takenBy && { courierId: takenBy }),
        ...(order.status === "PLACED" && request.to === "ACCEPTED" && { estimatedReadyAt: new Date(now.getTime() + (prepMinutesOf(order) + order.restaurant.extraPrepMinutes) * 60_000) }),
      },
      changes: changes.map((change) => ({ change, actor })),
    };
  });
}
