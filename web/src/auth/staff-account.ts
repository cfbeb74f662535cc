import { AppError, staffRoleFor, type StaffClaims } from "@orderly/shared";
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
    include: STAFF_INCLUDE,
  });
  if (!staff || !staff.active) throw ended("This account is no longer active");
  if (staff.tokenVersion !== claims.ver) throw ended("This account was logged out");
  const kitchenMoved = (claims.role === "kitchen" || claims.role === "station") && claims.kitchenId !== staff.kitchenId;
  if (staffRoleFor(claims.role) !== staff.role || staff.restaurantId !== claims.restaurantId || kitchenMoved) throw ended("This account was changed");
  if (claims.role === "station" && !staff.kitchen?.stations.some((s) => s.id === claims.stationId)) throw ended("This station was changed");
  return staff;
}

/** What a staff account's claims are built from: its restaurant's kitchens, its kitchen's stations. */
export const STAFF_INCLUDE = {
  restaurant: { select: { kitchens: { select: { id: true }, orderBy: { name: "asc" } } } },
  kitchen: { select: { stations: { select: { id: true } } } },
} as const;

export type StaffAccount = Awaited<ReturnType<typeof currentStaff>>;

/**
 * The claims a token for this account carries, for a login made at `authAt`: a kitchen account on
 * a station's screen when `stationId` names one of its kitchen's stations.
 */
export function staffClaims(staff: StaffAccount, authAt: number, stationId?: string): StaffClaims {
  const base = { sub: staff.id, restaurantId: staff.restaurantId, ver: staff.tokenVersion, authAt };
  if (stationId !== undefined && (staff.role !== "KITCHEN" || !staff.kitchen?.stations.some((s) => s.id === stationId))) {
    throw new AppError("FORBIDDEN", "A station's screen needs a login of that station's kitchen", { fields: { stationId: "is not a station of this login's kitchen" } });
  }
  switch (staff.role) {
    case "KITCHEN":
      if (!staff.kitchenId) throw new AppError("FORBIDDEN", "This kitchen login has no kitchen assigned");
      return stationId ? { role: "station", ...base, kitchenId: staff.kitchenId, stationId } : { role: "kitchen", ...base, kitchenId: staff.kitchenId };
    case "DELIVERY":
      return { role: "delivery", ...base };
    case "ADMIN":
      return { role: "admin", ...base, kitchenIds: staff.restaurant.kitchens.map((k) => k.id) };
  }
}
