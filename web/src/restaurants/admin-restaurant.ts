import { forbidden, notFound, type ClaimsOf } from "@orderly/shared";
import { db } from "../db.ts";

export interface AdminRestaurant {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** The restaurant `slug` names, if the token is one of its admins' (404, 403 otherwise). */
export async function adminRestaurant(claims: ClaimsOf<"admin">, slug: string): Promise<AdminRestaurant> {
  const restaurant = await db().restaurant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, timeZone: true } });
  if (!restaurant) throw notFound("Restaurant", "slug");
  if (restaurant.id !== claims.restaurantId) throw forbidden("Only this restaurant's admins can see this");
  return restaurant;
}
