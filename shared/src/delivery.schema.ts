import { z } from "zod";

/** A point on the map in WGS 84 degrees. */
export const geoPointSchema = z.strictObject({
  latitude: z.number("must be a number").min(-90, "must be between -90 and 90").max(90, "must be between -90 and 90"),
  longitude: z.number("must be a number").min(-180, "must be between -180 and 180").max(180, "must be between -180 and 180"),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** How often a courier's phone sends its position while it holds an order. */
export const POSITION_INTERVAL_SECONDS = 5;
/** A position taken longer ago than this (or later than the server's clock allows) is refused. */
export const POSITION_MAX_AGE_SECONDS = 120;

/** POST /api/orders/{id}/position: where the courier holding the order is, from the phone's geolocation. */
export const courierPositionRequestSchema = geoPointSchema.extend({
  /** Metres, as the phone reports it. */
  accuracyM: z.number().min(0).max(100_000).optional(),
  /** Metres per second; null when the phone does not know. */
  speedMps: z.number().min(0).max(100).nullable().optional(),
  /** When the phone took it: a newer one always wins, an older one never replaces it. */
  at: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }),
});
export type CourierPositionRequest = z.infer<typeof courierPositionRequestSchema>;

/** A courier's position on an order: pushed to the order's room as `courier_position`, without a seq (latest wins). */
export const courierPositionSchema = geoPointSchema.extend({
  orderId: z.uuid(),
  accuracyM: z.number().min(0).nullable(),
  speedMps: z.number().min(0).nullable(),
  at: z.iso.datetime(),
});
export type CourierPosition = z.infer<typeof courierPositionSchema>;

/** POST /api/orders/{id}/courier: an admin gives a delivery order to another courier. */
export const assignCourierRequestSchema = z.strictObject({ courierId: z.uuid("must be a courier's id") });

/** The courier holding an order, as its customer and the restaurant see them. */
export const courierSchema = z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() });
export type Courier = z.infer<typeof courierSchema>;

/** 202 of POST /api/orders/{id}/position: false when a newer position was already kept. */
export const courierPositionResponseSchema = z.object({ kept: z.boolean() });
export type CourierPositionResponse = z.infer<typeof courierPositionResponseSchema>;
