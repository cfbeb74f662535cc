import { TOKEN_TTL_SECONDS, type StaffClaims, type TokenClaims } from "@orderly/shared";
import { bearerToken, signToken, verifyToken } from "@orderly/shared/server";
import { webEnv } from "../env.ts";
import { HttpError } from "../http/http-error.ts";

export function issueToken(claims: TokenClaims): { token: string; expiresAt: Date } {
  const ttl = claims.role === "customer" ? TOKEN_TTL_SECONDS.customer : TOKEN_TTL_SECONDS.staff;
  return signToken(claims, webEnv().JWT_SECRET, ttl);
}

const FAILURES = {
  missing: "Authorization: Bearer token required",
  invalid: "Invalid token",
  expired: "Token expired",
} as const;

/** The verified claims of the request's bearer token, or 401. */
export function requireClaims(request: Request): TokenClaims {
  const verified = verifyToken(bearerToken(request.headers.get("authorization")), webEnv().JWT_SECRET);
  if (!verified.ok) {
    throw new HttpError(401, verified.reason === "expired" ? "TOKEN_EXPIRED" : "UNAUTHORIZED", FAILURES[verified.reason], undefined, {
      "WWW-Authenticate": "Bearer",
    });
  }
  return verified.claims;
}

export function requireStaff(request: Request): StaffClaims {
  const claims = requireClaims(request);
  if (claims.role === "customer") throw new HttpError(403, "FORBIDDEN", "Staff token required");
  return claims;
}
