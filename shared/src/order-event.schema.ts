import { z } from "zod";
import { actorRoleSchema, closeReasonSchema, orderStatusSchema, paymentMethodSchema } from "./enums.ts";
import { paiseSchema } from "./money.ts";
import { multiLine } from "./text.ts";

export const closeReasonDetailSchema = z
  .strictObject({ code: closeReasonSchema, note: multiLine(200).optional() })
  .refine((r) => r.code !== "OTHER" || Boolean(r.note), { path: ["note"], message: "is required when the reason is OTHER" });
export type CloseReasonDetail = z.infer<typeof closeReasonDetailSchema>;

const base = {
  id: z.uuid(),
  orderId: z.uuid(),
  /** Gapless per order: clients apply events by seq and re-read the snapshot on a gap. */
  seq: z.int().min(1),
  actorRole: actorRoleSchema,
  at: z.iso.datetime(),
};

/**
 * One OrderEvent row: a step of the order's history and a message of the outbox. Every change
 * of an order is one of these, in the same transaction as the change.
 */
export const orderEventSchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("STATUS_CHANGED"),
    /** from null: the order was placed. A move back (recall) has `to` earlier in the lifecycle than `from`. */
    payload: z.object({ from: orderStatusSchema.nullable(), to: orderStatusSchema, reason: closeReasonDetailSchema.optional() }),
  }),
  z.object({ ...base, type: z.literal("ITEM_DONE"), payload: z.object({ itemId: z.uuid(), stationId: z.uuid() }) }),
  z.object({ ...base, type: z.literal("ITEM_UNDONE"), payload: z.object({ itemId: z.uuid(), stationId: z.uuid() }) }),
  z.object({ ...base, type: z.literal("PRIORITY_CHANGED"), payload: z.object({ rush: z.boolean() }) }),
  z.object({ ...base, type: z.literal("ESTIMATE_CHANGED"), payload: z.object({ estimatedReadyAt: z.iso.datetime().nullable() }) }),
  z.object({
    ...base,
    type: z.literal("COURIER_ASSIGNED"),
    /** previousCourierId: whose list it leaves, when an admin reassigns it (events before reassigning existed have none). */
    payload: z.object({ courierId: z.uuid(), previousCourierId: z.uuid().nullable().default(null) }),
  }),
  /** Cash taken at the handover, confirmed by whoever completed the order. */
  z.object({ ...base, type: z.literal("PAYMENT_RECEIVED"), payload: z.object({ method: paymentMethodSchema, amountPaise: paiseSchema }) }),
]);
export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventOf<T extends OrderEvent["type"]> = Extract<OrderEvent, { type: T }>;
/** What a change records: the type and its payload (the row adds id, order, seq, actor and time). */
export type OrderChange = { [T in OrderEvent["type"]]: { type: T; payload: OrderEventOf<T>["payload"] } }[OrderEvent["type"]];
