import { z } from "zod";

// Mirrors the enums of prisma/schema.prisma; prisma/test/schema-match.test.ts fails if they drift.
export const orderStatusSchema = z.enum([
  "SCHEDULED",
  "PLACED",
  "ACCEPTED",
  "PREPARING",
  "READY",
  "OUT_FOR_DELIVERY",
  "DELIVERED",
  "DELIVERY_FAILED",
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
export const actorRoleSchema = z.enum(["CUSTOMER", "KITCHEN", "STATION", "DELIVERY", "ADMIN", "SYSTEM"]);
export type ActorRole = z.infer<typeof actorRoleSchema>;

/**
 * The roles a token can carry. A station token is a kitchen login on one station's screen; a
 * guest token is a menu page's, for one restaurant's live menu.
 */
export const roleSchema = z.enum(["customer", "guest", "kitchen", "station", "delivery", "admin"]);
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;

export type StaffTokenRole = Exclude<Role, "customer" | "guest">;

export function actorRoleFor(role: Exclude<Role, "guest">): ActorRole {
  return role.toUpperCase() as ActorRole;
}

/** The account a staff role logs in with: a station screen is a kitchen account's. */
export function staffRoleFor(role: StaffTokenRole): StaffRole {
  return role === "station" ? "KITCHEN" : (role.toUpperCase() as StaffRole);
}

/** What a customer can mark on a line; the kitchen shows exactly these, never a guess from the notes. */
export const allergenSchema = z.enum(["PEANUTS", "TREE_NUTS", "GLUTEN", "DAIRY", "EGG", "FISH", "SHELLFISH", "SOY", "SESAME"]);
export type Allergen = z.infer<typeof allergenSchema>;
export const ALLERGENS = allergenSchema.options;

/**
 * Why the kitchen cancelled or rejected an order, or why a courier could not deliver it (with a
 * note for OTHER); the customer and the restaurant see it.
 */
export const closeReasonSchema = z.enum([
  "ITEM_UNAVAILABLE",
  "KITCHEN_TOO_BUSY",
  "CLOSING_SOON",
  "CUSTOMER_ASKED",
  "DUPLICATE_ORDER",
  "CUSTOMER_UNREACHABLE",
  "ADDRESS_NOT_FOUND",
  "CUSTOMER_REFUSED",
  "OTHER",
]);
export type CloseReason = z.infer<typeof closeReasonSchema>;

/** The reasons that fit each closing move: a kitchen's for cancel and reject, a courier's for a failed delivery. */
const KITCHEN_REASONS = ["ITEM_UNAVAILABLE", "KITCHEN_TOO_BUSY", "CLOSING_SOON", "CUSTOMER_ASKED", "DUPLICATE_ORDER", "OTHER"] as const;
export const CLOSE_REASONS_FOR = {
  CANCELLED: KITCHEN_REASONS,
  REJECTED: KITCHEN_REASONS,
  DELIVERY_FAILED: ["CUSTOMER_UNREACHABLE", "ADDRESS_NOT_FOUND", "CUSTOMER_REFUSED", "OTHER"],
} as const satisfies Record<string, readonly CloseReason[]>;
export type ClosingStatus = keyof typeof CLOSE_REASONS_FOR;

export function isClosingStatus(status: OrderStatus): status is ClosingStatus {
  return status in CLOSE_REASONS_FOR;
}

/** Cash when the food is handed over (to the courier or at the counter), or paid online when ordering (the state only: no payment processor). */
export const paymentMethodSchema = z.enum(["CASH", "ONLINE"]);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

export const orderEventTypeSchema = z.enum(["STATUS_CHANGED", "ITEM_DONE", "ITEM_UNDONE", "PRIORITY_CHANGED", "ESTIMATE_CHANGED", "COURIER_ASSIGNED", "PAYMENT_RECEIVED"]);
export type OrderEventType = z.infer<typeof orderEventTypeSchema>;

export const restaurantEventTypeSchema = z.enum(["ITEM_AVAILABILITY", "ORDERING_CHANGED"]);
export type RestaurantEventType = z.infer<typeof restaurantEventTypeSchema>;
