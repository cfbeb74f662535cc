import { AppError, type StaffLoginRequest, type TokenResponse } from "@orderly/shared";
import { verifyPassword } from "@orderly/shared/server";
import { db } from "../db.ts";
import { STAFF_INCLUDE, nowSeconds, staffClaims } from "./staff-account.ts";
import { tokenResponse } from "./token-response.ts";

// Checked when the login is unknown, so a wrong login takes as long as a wrong password.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function staffLogin({ restaurantSlug, login, password, stationId }: StaffLoginRequest): Promise<TokenResponse> {
  const staff = await db().staff.findFirst({ where: { login, restaurant: { slug: restaurantSlug } }, include: STAFF_INCLUDE });
  const valid = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !valid || !staff.active) throw new AppError("UNAUTHORIZED", "Invalid restaurant, login or password");
  return tokenResponse(staffClaims(staff, nowSeconds(), stationId));
}
