import type { TokenClaims, TokenResponse } from "@orderly/shared";
import { issueToken } from "./tokens.ts";

/** A fresh token for these claims, as the auth endpoints answer it. */
export function tokenResponse(claims: TokenClaims): TokenResponse {
  const { token, expiresAt } = issueToken(claims);
  return {
    token,
    role: claims.role,
    ...(claims.role !== "customer" && { restaurantId: claims.restaurantId }),
    ...((claims.role === "kitchen" || claims.role === "station") && { kitchenId: claims.kitchenId }),
    ...(claims.role === "station" && { stationId: claims.stationId }),
    expiresAt: expiresAt.toISOString(),
  };
}
