import { z } from "zod";

export const TOKEN_ISSUER = "orderly-web";
export const TOKEN_AUDIENCE = "orderly";

/**
 * How long each kind of token lives, in seconds. Staff tokens are short: every refresh checks
 * the account, so a removed or disabled account (or "log out everywhere") ends within this time
 * even on a socket that never makes an HTTP request.
 */
export const TOKEN_TTL_SECONDS = { customer: 24 * 3600, guest: 3600, staff: 15 * 60 } as const;

/** A customer token may watch a handful of orders (the ones placed from that device). */
export const MAX_ORDERS_PER_CUSTOMER_TOKEN = 20;

export const customerClaimsSchema = z.strictObject({
  role: z.literal("customer"),
  /** Random per token: the subject that socket caps and event limits count against. */
  sub: z.uuid(),
  orderIds: z.array(z.uuid()).min(1).max(MAX_ORDERS_PER_CUSTOMER_TOKEN),
});

/** A menu page's: it may only listen to one restaurant's menu. */
export const guestClaimsSchema = z.strictObject({
  role: z.literal("guest"),
  /** Random per token, like a customer's. */
  sub: z.uuid(),
  restaurantId: z.uuid(),
});

const staffClaims = {
  /** The Staff row's id. */
  sub: z.uuid(),
  restaurantId: z.uuid(),
  /** The account's token version when issued: bumping it logs the account out everywhere. */
  ver: z.int().min(0),
  /** When the person logged in (seconds since epoch): refreshes stop at the absolute lifetime. */
  authAt: z.int().positive(),
};

export const kitchenClaimsSchema = z.strictObject({
  role: z.literal("kitchen"),
  ...staffClaims,
  kitchenId: z.uuid(),
});

/** A kitchen login on one station's screen (Grill, Curry…): it sees and bumps that station's items. */
export const stationClaimsSchema = z.strictObject({
  role: z.literal("station"),
  ...staffClaims,
  kitchenId: z.uuid(),
  stationId: z.uuid(),
});

export const deliveryClaimsSchema = z.strictObject({
  role: z.literal("delivery"),
  ...staffClaims,
});

export const adminClaimsSchema = z.strictObject({
  role: z.literal("admin"),
  ...staffClaims,
  kitchenIds: z.array(z.uuid()),
});

export const tokenClaimsSchema = z.discriminatedUnion("role", [
  customerClaimsSchema,
  guestClaimsSchema,
  kitchenClaimsSchema,
  stationClaimsSchema,
  deliveryClaimsSchema,
  adminClaimsSchema,
]);
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;
export type CustomerClaims = z.infer<typeof customerClaimsSchema>;
export type GuestClaims = z.infer<typeof guestClaimsSchema>;
export type StaffClaims = Exclude<TokenClaims, CustomerClaims | GuestClaims>;
/** Every token but a guest's, which only listens to a menu. */
export type ActingClaims = Exclude<TokenClaims, GuestClaims>;
export type ClaimsOf<R extends TokenClaims["role"]> = Extract<TokenClaims, { role: R }>;

/** Registered claims jsonwebtoken adds; stripped before the role claims are parsed strictly. */
export const REGISTERED_CLAIMS = ["iat", "exp", "nbf", "iss", "aud", "jti"] as const;
