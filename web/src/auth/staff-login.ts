import type { StaffClaims, StaffLoginRequest, TokenResponse } from "@orderly/shared";
import { verifyPassword } from "@orderly/shared/server";
import { db } from "../db.ts";
import { HttpError } from "../http/http-error.ts";
import { issueToken } from "./tokens.ts";

// Checked when the login is unknown, so a wrong login takes as long as a wrong password.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function staffLogin({ restaurantSlug, login, password }: StaffLoginRequest): Promise<TokenResponse> {
  const staff = await db().staff.findFirst({
    where: { login, restaurant: { slug: restaurantSlug } },
    include: { restaurant: { include: { kitchens: { select: { id: true } } } } },
  });
  const valid = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !valid) throw new HttpError(401, "UNAUTHORIZED", "Invalid restaurant, login or password");

  const base = { sub: staff.id, restaurantId: staff.restaurantId };
  let claims: StaffClaims;
  if (staff.role === "KITCHEN") {
    if (!staff.kitchenId) throw new HttpError(403, "FORBIDDEN", "This kitchen login has no kitchen assigned");
    claims = { role: "kitchen", ...base, kitchenId: staff.kitchenId };
  } else if (staff.role === "DELIVERY") {
    claims = { role: "delivery", ...base };
  } else {
    claims = { role: "admin", ...base, kitchenIds: staff.restaurant.kitchens.map((k) => k.id) };
  }
  const { token, expiresAt } = issueToken(claims);
  return {
    token,
    role: claims.role,
    restaurantId: staff.restaurantId,
    ...(claims.role === "kitchen" && { kitchenId: claims.kitchenId }),
    expiresAt: expiresAt.toISOString(),
  };
}
