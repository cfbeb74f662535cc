import type { TokenClaims } from "./token-claims.ts";

export const kitchenRoom = (kitchenId: string) => `kitchen:${kitchenId}`;
export const orderRoom = (orderId: string) => `order:${orderId}`;
export const stationRoom = (stationId: string) => `station:${stationId}`;
/** Every courier of a restaurant: orders ready and waiting for one. */
export const deliveryRoom = (restaurantId: string) => `delivery:${restaurantId}`;
/** One courier: the orders they hold. */
export const courierRoom = (staffId: string) => `courier:${staffId}`;
/** Where a restaurant's menu and ordering changes are heard: its menu pages and its kitchen. */
export const menuRoom = (restaurantId: string) => `menu:${restaurantId}`;

/** The only rooms a socket holding these claims may be in. */
export function roomsForClaims(claims: TokenClaims): string[] {
  switch (claims.role) {
    case "customer":
      return claims.orderIds.map(orderRoom);
    case "guest":
      return [menuRoom(claims.restaurantId)];
    case "kitchen":
      return [kitchenRoom(claims.kitchenId), menuRoom(claims.restaurantId)];
    case "station":
      return [stationRoom(claims.stationId)];
    case "delivery":
      return [deliveryRoom(claims.restaurantId), courierRoom(claims.sub)];
    case "admin":
      return [...claims.kitchenIds.map(kitchenRoom), deliveryRoom(claims.restaurantId), menuRoom(claims.restaurantId)];
  }
}
