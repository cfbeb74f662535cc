import type { Fulfilment, TokenClaims } from "@orderly/shared";

interface OrderScope {
  id: string;
  restaurantId: string;
  kitchenId: string;
  fulfilment: Fulfilment;
  /** The courier holding it, if any. */
  courierId: string | null;
}

/**
 * May these claims read (and, subject to the state machine, move) this order? A courier sees its
 * restaurant's deliveries that no courier holds yet, and those they hold: never another courier's.
 */
export function canSeeOrder(claims: TokenClaims, order: OrderScope): boolean {
  switch (claims.role) {
    case "customer":
      return claims.orderIds.includes(order.id);
    case "guest":
      return false;
    case "kitchen":
    case "station":
      return claims.kitchenId === order.kitchenId;
    case "delivery":
      return claims.restaurantId === order.restaurantId && order.fulfilment === "DELIVERY" && (order.courierId === null || order.courierId === claims.sub);
    case "admin":
      return claims.restaurantId === order.restaurantId;
  }
}
