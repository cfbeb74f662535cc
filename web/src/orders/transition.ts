import {
  AppError,
  CLOSE_REASONS_FOR,
  forbidden,
  formatInr,
  isClosingStatus,
  judgeMove,
  type ActingClaims,
  type CloseReasonDetail,
  type OrderChange,
  type OrderSnapshot,
  type TransitionRequest,
} from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import { webEnv } from "../env.ts";
import { actorOf, type Actor } from "../actor.ts";
import { changeOrder, statusMoveData, type OrderForChange } from "./order-change.ts";
import { prepMinutesOf } from "./ticket.ts";

/** Wrong delivery PINs a courier may enter; after them only an admin can complete the delivery. */
export const PIN_ATTEMPTS = 5;

const CLOSING_VERBS = { CANCELLED: "cancel", REJECTED: "reject", DELIVERY_FAILED: "report a failed delivery" } as const;

/** Staff say why they cancel, reject or could not deliver, with a reason that fits; a customer cancelling says so by doing it. */
function closeReason(claims: ActingClaims, request: TransitionRequest): CloseReasonDetail | undefined {
  if (!isClosingStatus(request.to)) return undefined;
  if (claims.role === "customer") return { code: "CUSTOMER_ASKED" };
  const verb = CLOSING_VERBS[request.to];
  if (!request.reason) {
    throw new AppError("VALIDATION_FAILED", `reason: is required to ${verb}`, { fields: { reason: `is required to ${verb}` } });
  }
  const fitting: readonly string[] = CLOSE_REASONS_FOR[request.to];
  if (!fitting.includes(request.reason.code)) {
    throw new AppError("VALIDATION_FAILED", `reason.code: must be one of ${fitting.join(", ")} to ${verb}`, {
      fields: { "reason.code": `must be one of ${fitting.join(", ")}` },
    });
  }
  return request.reason;
}

/** The columns and events of handing a delivery over: the PIN for a courier, the cash confirmed when money is due. */
type Handover = { data: Prisma.OrderUncheckedUpdateManyInput; changes: OrderChange[] } | { wrongPin: number };

function handover(claims: ActingClaims, order: OrderForChange, request: TransitionRequest, now: Date): Handover {
  const due = order.paymentMethod === "CASH" && !order.paidAt;
  if (request.to === "DELIVERED" && due && !request.cashCollected) {
    const amount = formatInr(order.totalPaise);
    throw new AppError("VALIDATION_FAILED", `cashCollected: confirm you collected ${amount} in cash`, { fields: { cashCollected: `confirm you collected ${amount}` } });
  }
  if (request.to === "DELIVERED" && claims.role === "delivery" && order.deliveryPin) {
    if (order.pinAttempts >= PIN_ATTEMPTS) {
      throw new AppError("PIN_LOCKED", `${PIN_ATTEMPTS} wrong PINs were entered: only a manager can complete this delivery now`);
    }
    if (!request.pin) throw new AppError("VALIDATION_FAILED", "pin: is required to deliver", { fields: { pin: "is required to deliver" } });
    if (request.pin !== order.deliveryPin) return { wrongPin: PIN_ATTEMPTS - order.pinAttempts - 1 };
  }
  const paid = due && (request.to === "DELIVERED" || request.to === "COLLECTED");
  return {
    data: paid ? { paidAt: now } : {},
    changes: paid ? [{ type: "PAYMENT_RECEIVED", payload: { method: "CASH", amountPaise: order.totalPaise } }] : [],
  };
}

/** Who holds a delivery after this move: a courier takes it by picking it up; an admin sends it with the courier it was given to. */
function holderAfter(claims: ActingClaims, order: OrderForChange, request: TransitionRequest, actor: Actor): string | null {
  if (order.fulfilment !== "DELIVERY") return null;
  if (claims.role === "delivery") {
    if (request.to !== "OUT_FOR_DELIVERY" && order.courierId !== actor.id) throw forbidden("Only the courier who took this order can move it on");
    return actor.id;
  }
  if (request.to === "OUT_FOR_DELIVERY" && !order.courierId) {
    throw new AppError("ILLEGAL_TRANSITION", "Give the order to a courier first", { fields: { to: "needs a courier: assign one" } });
  }
  return order.courierId;
}

/**
 * Moves an order forward or back, as the state machine allows for the caller's role: a move back
 * (recall) only within RECALL_WINDOW_MINUTES of the move it undoes. 403 for a move the role may
 * never make, 409 for one the order's state (or the window) forbids. A courier delivers with the
 * customer's PIN; each wrong one is counted (422 with the attempts left) and after PIN_ATTEMPTS
 * only an admin can complete the delivery.
 */
export async function transitionOrder(claims: ActingClaims, orderId: string, request: TransitionRequest): Promise<OrderSnapshot> {
  const reason = closeReason(claims, request);
  const windowMinutes = webEnv().RECALL_WINDOW_MINUTES;
  let wrongPin: number | undefined;
  const snapshot = await changeOrder(claims, orderId, (order, now) => {
    wrongPin = undefined; // a plan may run twice (changeOrder): the committed run decides
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
    const holder = holderAfter(claims, order, request, actor);
    const handed = handover(claims, order, request, now);
    if ("wrongPin" in handed) {
      // Counted even though the move is refused: the attempt commits, the answer is a 422.
      wrongPin = handed.wrongPin;
      return { data: { pinAttempts: { increment: 1 } }, changes: [] };
    }
    const changes: OrderChange[] = [{ type: "STATUS_CHANGED", payload: { from: order.status, to: request.to, ...(reason && { reason }) } }];
    if (holder !== order.courierId) changes.push({ type: "COURIER_ASSIGNED", payload: { courierId: holder!, previousCourierId: order.courierId } });
    changes.push(...handed.changes);
    return {
      data: {
        ...statusMoveData(order.status, request.to, now, reason),
        ...handed.data,
        ...(holder !== order.courierId && { courierId: holder }),
        ...(order.status === "PLACED" && request.to === "ACCEPTED" && { estimatedReadyAt: new Date(now.getTime() + (prepMinutesOf(order) + order.restaurant.extraPrepMinutes) * 60_000) }),
      },
      changes: changes.map((change) => ({ change, actor })),
    };
  });
  if (wrongPin !== undefined) {
    const left = wrongPin > 0 ? `${wrongPin} ${wrongPin === 1 ? "attempt" : "attempts"} left` : "no attempts left: a manager must complete it";
    throw new AppError("WRONG_PIN", `That PIN is not this order's; ${left}`, { fields: { pin: `is wrong; ${left}` } });
  }
  return snapshot;
}
