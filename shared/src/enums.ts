import { z } from "zod";

// Mirrors the enums of prisma/schema.prisma; prisma/test/schema-match.test.ts fails if they drift.
export const orderStatusSchema = z.enum([
  "PLACED",
  "ACCEPTED",
  "PREPARING",
  "READY",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "COLLECTED",
  "CANCELLED",
  "REJECTED",
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export const ORDER_STATUSES = orderStatusSchema.options;

export const fulfilmentSchema = z.enum(["PICKUP", "DELIVERY"]);
export type Fulfilment = z.infer<typeof fulfilmentSchema>;

export const staffRoleSchema = z.enum(["KITCHEN", "DELIVERY", "ADMIN"]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Who caused an OrderEvent; SYSTEM is reserved for automatic moves. */
export const actorRoleSchema = z.enum(["CUSTOMER", "KITCHEN", "DELIVERY", "ADMIN", "SYSTEM"]);
export type ActorRole = z.infer<typeof actorRoleSchema>;

/** The roles a token can carry. */
export const roleSchema = z.enum(["customer", "kitchen", "delivery", "admin"]);
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;

export function actorRoleFor(role: Role): ActorRole {
  return role.toUpperCase() as ActorRole;
}
