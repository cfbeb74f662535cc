import { AppError, TOKEN_TTL_SECONDS, type TokenClaims } from "@orderly/shared";
import { bearerToken, signToken, verifyToken } from "@orderly/shared/server";
import { webEnv } from "../env.ts";

export function issueToken(claims: TokenClaims): { token: string; expiresAt: Date } {
  const ttl = claims.role === "customer" || claims.role === "guest" ? TOKEN_TTL_SECONDS[claims.role] : TOKEN_TTL_SECONDS.staff;
  return signToken(claims, webEnv().JWT_SECRET, ttl);
}

const FAILURES = {
  missing: "Authorization: Bearer token required",
  invalid: "Invalid token",
  expired: "Token expired",
} as const;

/**
 * The verified claims of the request's bearer token, or 401. Only refresh passes
 * `ignoreExpiration` (a staff session outlives its short tokens; the account decides).
 */
export function verifyBearer(request: Request, options: { ignoreExpiration?: boolean } = {}): TokenClaims {
  const verified = verifyToken(bearerToken(request.headers.get("authorization")), webEnv().JWT_SECRET, options);
  if (!verified.ok) {
    throw new AppError(verified.reason === "expired" ? "TOKEN_EXPIRED" : "UNAUTHORIZED", FAILURES[verified.reason], {
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
  return verified.claims;
}
