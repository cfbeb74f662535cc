import { z } from "zod";
import { actorRoleSchema, fulfilmentSchema, orderStatusSchema } from "./enums.ts";
import { paiseSchema } from "./money.ts";
import { multiLine, singleLine } from "./text.ts";

export const ORDER_LIMITS = {
  maxQuantityPerLine: 20,
  maxLinesPerOrder: 30,
  maxItemsPerOrder: 60,
  maxNotesLength: 200,
  maxAddressLength: 300,
} as const;

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug").max(80);

/** Sent as the Idempotency-Key header of POST /api/orders. */
export const idempotencyKeySchema = z
  .string({ error: "Idempotency-Key header is required" })
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, "Idempotency-Key must be 8-128 letters, digits or _ . : -");

const phoneSchema = singleLine(20)
  .regex(/^\+?[0-9][0-9 -]{5,18}[0-9]$/, "must be a phone number of 7 to 15 digits")
  .refine((p) => p.replace(/\D/g, "").length >= 7 && p.replace(/\D/g, "").length <= 15, "must have 7 to 15 digits");

export const orderLineSchema = z.strictObject({
  menuItemId: z.uuid("must be a menu item id"),
  quantity: z.int("must be a whole number").min(1, "must be at least 1").max(ORDER_LIMITS.maxQuantityPerLine),
  notes: multiLine(ORDER_LIMITS.maxNotesLength).optional(),
});

export const placeOrderRequestSchema = z
  .strictObject({
    restaurantSlug: slugSchema,
    customer: z.strictObject({
      name: singleLine(80).min(1, "is required"),
      phone: phoneSchema,
    }),
    fulfilment: fulfilmentSchema,
    deliveryAddress: multiLine(ORDER_LIMITS.maxAddressLength).min(5, "must be at least 5 characters").optional(),
    items: z.array(orderLineSchema).min(1, "add at least one item").max(ORDER_LIMITS.maxLinesPerOrder),
  })
  .superRefine((order, ctx) => {
    if (order.fulfilment === "DELIVERY" && !order.deliveryAddress) {
      ctx.addIssue({ code: "custom", path: ["deliveryAddress"], message: "is required for delivery" });
    }
    const total = order.items.reduce((sum, line) => sum + line.quantity, 0);
    if (total > ORDER_LIMITS.maxItemsPerOrder) {
      ctx.addIssue({ code: "custom", path: ["items"], message: `at most ${ORDER_LIMITS.maxItemsPerOrder} items per order` });
    }
  });
export type PlaceOrderRequest = z.infer<typeof placeOrderRequestSchema>;

export const transitionRequestSchema = z.strictObject({
  to: orderStatusSchema,
  expectedSeq: z.int().min(1).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

export const ticketItemSchema = z.object({
  menuItemId: z.uuid(),
  name: z.string(),
  quantity: z.int().min(1),
  unitPricePaise: paiseSchema,
  notes: z.string().nullable(),
});

/** An order as the kitchen, the courier and its customer see it. */
export const ticketSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  restaurantId: z.uuid(),
  kitchenId: z.uuid(),
  fulfilment: fulfilmentSchema,
  status: orderStatusSchema,
  seq: z.int().min(1),
  customerName: z.string(),
  customerPhone: z.string(),
  deliveryAddress: z.string().nullable(),
  totalPaise: paiseSchema,
  /** The longest prep time of its items: the kitchen's ageing clock. */
  prepMinutes: z.int().min(0),
  courierId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  estimatedReadyAt: z.iso.datetime().nullable(),
  items: z.array(ticketItemSchema).min(1),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** One OrderEvent row: a step of the timeline and a message of the outbox. */
export const orderEventSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  seq: z.int().min(1),
  fromStatus: orderStatusSchema.nullable(),
  toStatus: orderStatusSchema,
  actorRole: actorRoleSchema,
  at: z.iso.datetime(),
});
export type OrderEvent = z.infer<typeof orderEventSchema>;

/** GET /api/orders/{id}: the state a client resynchronises from. */
export const orderSnapshotSchema = z.object({
  ticket: ticketSchema,
  seq: z.int().min(1),
  timeline: z.array(orderEventSchema),
});
export type OrderSnapshot = z.infer<typeof orderSnapshotSchema>;

/** 201/200 of POST /api/orders. */
export const placeOrderResponseSchema = z.object({
  order: orderSnapshotSchema,
  customerToken: z.string(),
  customerTokenExpiresAt: z.iso.datetime(),
});
export type PlaceOrderResponse = z.infer<typeof placeOrderResponseSchema>;

/** GET /api/kitchens/{id}/orders and GET /api/restaurants/{slug}/deliveries. */
export const ticketListSchema = z.object({
  tickets: z.array(ticketSchema),
  /** So screens can tick ages from the server's clock, not the device's. */
  serverTime: z.iso.datetime(),
});
export type TicketList = z.infer<typeof ticketListSchema>;
