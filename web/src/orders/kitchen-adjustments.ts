import { AppError, type ClaimsOf, type OrderSnapshot, type OrderStatus } from "@orderly/shared";
import { actorOf } from "../actor.ts";
import { changeOrder } from "./order-change.ts";

type KitchenClaims = ClaimsOf<"kitchen" | "admin">;

const IN_THE_KITCHEN: OrderStatus[] = ["PLACED", "ACCEPTED", "PREPARING", "READY"];

function inKitchen(status: OrderStatus, what: string): void {
  if (!IN_THE_KITCHEN.includes(status)) {
    throw new AppError("ILLEGAL_TRANSITION", `${what} only while the order is in the kitchen, not when it is ${status}`);
  }
}

/** Rush a ticket (it sorts first and stands out on every screen), or stop rushing it. */
export function setRush(claims: KitchenClaims, orderId: string, rush: boolean): Promise<OrderSnapshot> {
  return changeOrder(claims, orderId, (order) => {
    inKitchen(order.status, "A ticket can be rushed");
    if (order.rush === rush) return null;
    return { data: { rush }, changes: [{ change: { type: "PRIORITY_CHANGED", payload: { rush } }, actor: actorOf(claims) }] };
  });
}

/** Push the ready time back by `minutes` (from now, if the estimate has already passed); the customer sees it live. */
export function delayEstimate(claims: KitchenClaims, orderId: string, minutes: number): Promise<OrderSnapshot> {
  return changeOrder(claims, orderId, (order, now) => {
    inKitchen(order.status, "The estimate can change");
    const from = Math.max(now.getTime(), order.estimatedReadyAt?.getTime() ?? now.getTime());
    const estimatedReadyAt = new Date(from + minutes * 60_000);
    return {
      data: { estimatedReadyAt },
      changes: [{ change: { type: "ESTIMATE_CHANGED", payload: { estimatedReadyAt: estimatedReadyAt.toISOString() } }, actor: actorOf(claims) }],
    };
  });
}
