import { z } from "zod";
import { roleSchema } from "./enums.ts";
import { slugSchema } from "./order.schema.ts";
import { singleLine } from "./text.ts";

export const staffLoginRequestSchema = z.strictObject({
  restaurantSlug: slugSchema,
  login: singleLine(64).min(1, "is required"),
  password: z.string().min(1, "is required").max(256),
  /** A kitchen login opening one station's screen; absent for the expo (whole kitchen). */
  stationId: z.uuid("must be a station id").optional(),
});
export type StaffLoginRequest = z.infer<typeof staffLoginRequestSchema>;

export const tokenResponseSchema = z.object({
  token: z.string(),
  role: roleSchema,
  restaurantId: z.uuid().optional(),
  kitchenId: z.uuid().optional(),
  stationId: z.uuid().optional(),
  expiresAt: z.iso.datetime(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
