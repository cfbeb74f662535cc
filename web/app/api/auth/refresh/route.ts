import { currentStaff, staffClaims } from "@/auth/staff-account.ts";
import { tokenResponse } from "@/auth/token-response.ts";
import { verifyBearer } from "@/auth/tokens.ts";
import { defineRoute } from "@/http/define-route.ts";

/**
 * A fresh token. A staff token, even an expired one, is renewed only while its account exists,
 * is active and has not been logged out everywhere, and within STAFF_SESSION_MAX_DAYS of the
 * login; the claims are rebuilt from the account as it is now. A customer or guest token is
 * renewed while it is unexpired.
 */
export const POST = defineRoute({ auth: "public" }, async ({ request }) => {
  const claims = verifyBearer(request, { ignoreExpiration: true });
  if (claims.role === "customer" || claims.role === "guest") return Response.json(tokenResponse(verifyBearer(request)));
  const staff = await currentStaff(claims);
  return Response.json(tokenResponse(staffClaims(staff, claims.authAt, claims.role === "station" ? claims.stationId : undefined)));
});
