import { z } from "zod";

export const TOKEN_ISSUER = "orderly-web";
export const TOKEN_AUDIENCE = "orderly";

/** How long each kind of token lives, in seconds. */
export const TOKEN_TTL_SECONDS = { customer: 24 * 3600, staff: 12 * 3600 } as const;

/** A customer token may watch a handful of orders (the ones placed from that device). */
export const MAX_ORDERS_PER_CUSTOMER_TOKEN = 20;

export const customerClaimsSchema = z.strictObject({
  role: z.literal("customer"),
  orderIds: z.array(z.uuid()).min(1).max(MAX_ORDERS_PER_CUSTOMER_TOKEN),
});

export const kitchenClaimsSchema = z.strictObject({
  role: z.literal("kitchen"),
  sub: z.uuid(),
  restaurantId: z.uuid(),
  kitchenId: z.uuid(),
});

export const deliveryClaimsSchema = z.strictObject({
  role: z.literal("delivery"),
  sub: z.uuid(),
  restaurantId: z.uuid(),
});

export const adminClaimsSchema = z.strictObject({
  role: z.literal("admin"),
  sub: z.uuid(),
  restaurantId: z.uuid(),
  kitchenIds: z.array(z.uuid()),
});

export const tokenClaimsSchema = z.discriminatedUnion("role", [
  customerClaimsSchema,
  kitchenClaimsSchema,
  deliveryClaimsSchema,
  adminClaimsSchema,
]);
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;
export type CustomerClaims = z.infer<typeof customerClaimsSchema>;
export type StaffClaims = Exclude<TokenClaims, CustomerClaims>;

/** Registered claims jsonwebtoken adds; stripped before the role claims are parsed strictly. */
export const REGISTERED_CLAIMS = ["iat", "exp", "nbf", "iss", "aud", "jti"] as const;
