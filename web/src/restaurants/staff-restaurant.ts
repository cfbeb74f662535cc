import { forbidden, notFound, type ClaimsOf } from "@orderly/shared";
import { db } from "../db.ts";
import { ORDERING_SELECT, type OrderingSettings } from "./ordering-state.ts";

export type MenuStaffClaims = ClaimsOf<"kitchen" | "admin">;

/** The restaurant `slug` names, if the token's staff work there (404, 403 otherwise). */
export async function staffRestaurant(claims: MenuStaffClaims, slug: string): Promise<OrderingSettings> {
  const restaurant = await db().restaurant.findUnique({ where: { slug }, select: ORDERING_SELECT });
  if (!restaurant) throw notFound("Restaurant", "slug");
  if (restaurant.id !== claims.restaurantId) throw forbidden("Only this restaurant's staff can change its menu and ordering");
  return restaurant;
}
