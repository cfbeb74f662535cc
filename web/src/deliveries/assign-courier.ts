import { AppError, type ClaimsOf, type OrderSnapshot } from "@orderly/shared";
import { actorOf } from "../actor.ts";
import { changeOrder } from "../orders/order-change.ts";

/**
 * An admin gives a delivery to a courier (or to another one): while it waits at the pass it is
 * reserved for them, on the way it moves to their list. The courier must be an active courier of
 * the order's restaurant.
 */
export function assignCourier(claims: ClaimsOf<"admin">, orderId: string, courierId: string): Promise<OrderSnapshot> {
  return changeOrder(claims, orderId, async (order, _now, tx) => {
    if (order.fulfilment !== "DELIVERY" || (order.status !== "READY" && order.status !== "OUT_FOR_DELIVERY")) {
      throw new AppError("ILLEGAL_TRANSITION", `Only a delivery that is ready or on the way can be given to a courier, not one ${order.status}`);
    }
    const courier = await tx.staff.findFirst({ where: { id: courierId, restaurantId: order.restaurantId, role: "DELIVERY", active: true } });
    if (!courier) throw new AppError("NOT_FOUND", "courierId: no active courier of this restaurant has that id", { fields: { courierId: "is not an active courier of this restaurant" } });
    if (order.courierId === courierId) return null;
    return {
      data: { courierId },
      changes: [{ change: { type: "COURIER_ASSIGNED", payload: { courierId, previousCourierId: order.courierId } }, actor: actorOf(claims) }],
    };
  });
}
