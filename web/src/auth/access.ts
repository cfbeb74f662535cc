import type { TokenClaims } from "@orderly/shared";

interface OrderScope {
  id: string;
  restaurantId: string;
  kitchenId: string;
}

/** May these claims read (and, subject to the state machine, move) this order? */
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
    case "admin":
      return claims.restaurantId === order.restaurantId;
  }
}
