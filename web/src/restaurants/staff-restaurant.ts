import { forbidden, notFound, type ClaimsOf } from "@orderly/shared";
import type { Prisma } from "@orderly/prisma";
import { db } from "../db.ts";
import { ORDERING_SELECT, type OrderingSettings } from "./ordering-state.ts";

export type MenuStaffClaims = ClaimsOf<"kitchen" | "admin">;

/** The restaurant `slug` names, read with `select`, if the token's staff work there (404; 403 saying `refusal` otherwise). */
export async function ownRestaurant<S extends Prisma.RestaurantSelect & { id: true }>(
  claims: { restaurantId: string },
  slug: string,
  select: S,
  refusal: string,
): Promise<Prisma.RestaurantGetPayload<{ select: S }>> {
  const restaurant = await db().restaurant.findUnique({ where: { slug }, select });
  if (!restaurant) throw notFound("Restaurant", "slug");
  // `select` has id (S requires it); Prisma's payload type cannot show that for a generic S.
  if ((restaurant as { id: string }).id !== claims.restaurantId) throw forbidden(refusal);
  return restaurant;
}

/** The restaurant whose menu and ordering its kitchen or admin change. */
export function staffRestaurant(claims: MenuStaffClaims, slug: string): Promise<OrderingSettings> {
  return ownRestaurant(claims, slug, ORDERING_SELECT, "Only this restaurant's staff can change its menu and ordering");
}
