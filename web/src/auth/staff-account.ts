import { AppError, actorRoleFor, type StaffClaims } from "@orderly/shared";
import { db } from "../db.ts";
import { webEnv } from "../env.ts";

const ended = (why: string) => new AppError("UNAUTHORIZED", `${why}; log in again`, { headers: { "WWW-Authenticate": "Bearer" } });

/** Seconds since epoch, as in the authAt claim. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The account behind staff claims, as it is now. 401 when the account was removed or disabled,
 * its role or restaurant changed, its tokens were revoked (log out everywhere) or the login is
 * older than STAFF_SESSION_MAX_DAYS: never a 500 further on.
 */
export async function currentStaff(claims: StaffClaims) {
  if (nowSeconds() - claims.authAt > webEnv().STAFF_SESSION_MAX_DAYS * 86_400) throw ended("This login has expired");
  const staff = await db().staff.findUnique({
    where: { id: claims.sub },
    include: { restaurant: { select: { kitchens: { select: { id: true }, orderBy: { name: "asc" } } } } },
  });
  if (!staff || !staff.active) throw ended("This account is no longer active");
  if (staff.tokenVersion !== claims.ver) throw ended("This account was logged out");
  if (actorRoleFor(claims.role) !== staff.role || staff.restaurantId !== claims.restaurantId) throw ended("This account was changed");
  return staff;
}

export type StaffAccount = Awaited<ReturnType<typeof currentStaff>>;

/** The claims a token for this account carries, for a login made at `authAt`. */
export function staffClaims(staff: StaffAccount, authAt: number): StaffClaims {
  const base = { sub: staff.id, restaurantId: staff.restaurantId, ver: staff.tokenVersion, authAt };
  switch (staff.role) {
    case "KITCHEN":
      if (!staff.kitchenId) throw new AppError("FORBIDDEN", "This kitchen login has no kitchen assigned");
      return { role: "kitchen", ...base, kitchenId: staff.kitchenId };
    case "DELIVERY":
      return { role: "delivery", ...base };
    case "ADMIN":
      return { role: "admin", ...base, kitchenIds: staff.restaurant.kitchens.map((k) => k.id) };
  }
}
