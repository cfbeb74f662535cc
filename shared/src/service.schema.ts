import { z } from "zod";
import { orderStatusSchema } from "./enums.ts";
import { ticketSchema } from "./order.schema.ts";
import { menuSchema } from "./restaurant.schema.ts";

/** A courier account of a restaurant, as its admin sees it (GET /api/restaurants/{slug}/couriers). */
export const courierAccountSchema = z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), active: z.boolean() });
export type CourierAccount = z.infer<typeof courierAccountSchema>;

export const courierListSchema = z.object({ couriers: z.array(courierAccountSchema) });
export type CourierList = z.infer<typeof courierListSchema>;

/** An order's first arrival at READY, and when the kitchen's clock started on it (placed, or released if scheduled). */
export const readyTimeSchema = z.object({ orderId: z.uuid(), startedAt: z.iso.datetime(), readyAt: z.iso.datetime() });
export type ReadyTime = z.infer<typeof readyTimeSchema>;

/** A move back (shared/src/order-state-machine.ts `isRecall`). */
export const recallSchema = z.object({ orderId: z.uuid(), seq: z.int().min(1), from: orderStatusSchema, to: orderStatusSchema, at: z.iso.datetime() });
export type Recall = z.infer<typeof recallSchema>;

/** Orders placed in one 15-minute slot of the restaurant's day. */
export const slotCountSchema = z.object({ slotStart: z.iso.datetime(), count: z.int().min(0) });
export type SlotCount = z.infer<typeof slotCountSchema>;

/**
 * GET /api/restaurants/{slug}/service: what the manager's live board starts from; its socket's
 * events then keep every figure up to date.
 */
export const serviceSnapshotSchema = z.object({
  serverTime: z.iso.datetime(),
  /** The start of the restaurant's day (local midnight in its time zone). */
  dayStart: z.iso.datetime(),
  /** Active tickets, and every one created or moved today (the figures' orders). */
  tickets: z.array(ticketSchema),
  /** Orders placed today, per 15-minute slot that has any. */
  placedPerSlot: z.array(slotCountSchema),
  /** Orders that first reached READY since `readySince` (today, and the last hour across midnight). */
  readySince: z.iso.datetime(),
  readyTimes: z.array(readyTimeSchema),
  /** Today's recalls, oldest first. */
  recalls: z.array(recallSchema),
  menu: menuSchema,
  stations: z.array(z.object({ id: z.uuid(), kitchenId: z.uuid(), name: z.string() })),
  couriers: z.array(courierAccountSchema),
});
export type ServiceSnapshot = z.infer<typeof serviceSnapshotSchema>;
