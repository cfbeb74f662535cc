import type { ClaimsOf } from "@orderly/shared";
import { ownRestaurant } from "./staff-restaurant.ts";

export interface AdminRestaurant {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** The restaurant `slug` names, if the token is one of its admins' (404, 403 otherwise). */
export function adminRestaurant(claims: ClaimsOf<"admin">, slug: string): Promise<AdminRestaurant> {
  return ownRestaurant(claims, slug, { id: true, slug: true, name: true, timeZone: true }, "Only this restaurant's admins can see this");
}
