import type { TokenResponse } from "@orderly/shared";
import { issueToken, requireClaims } from "@/auth/tokens.ts";
import { route } from "@/http/route.ts";

export const dynamic = "force-dynamic";

/** A fresh token with the same claims, for any unexpired token. */
export const POST = route(async (request) => {
  const claims = requireClaims(request);
  const { token, expiresAt } = issueToken(claims);
  const response: TokenResponse = {
    token,
    role: claims.role,
    ...(claims.role !== "customer" && { restaurantId: claims.restaurantId }),
    ...(claims.role === "kitchen" && { kitchenId: claims.kitchenId }),
    expiresAt: expiresAt.toISOString(),
  };
  return Response.json(response);
});
