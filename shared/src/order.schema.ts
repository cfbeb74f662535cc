import { z } from "zod";
import { courierPositionSchema, courierSchema, geoPointSchema } from "./delivery.schema.ts";
import { allergenSchema, fulfilmentSchema, orderStatusSchema, paymentMethodSchema } from "./enums.ts";
import { paiseSchema } from "./money.ts";
import { closeReasonDetailSchema, orderEventSchema } from "./order-event.schema.ts";
import { multiLine, singleLine } from "./text.ts";

export const ORDER_LIMITS = {
  maxQuantityPerLine: 20,
  maxLinesPerOrder: 30,
  maxItemsPerOrder: 60,
  maxNotesLength: 200,
  maxAddressLength: 300,
} as const;

/** A delivery's handover code. */
const pinSchema = z.string().regex(/^[0-9]{4}$/, "must be 4 digits");

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
  /** Marked by the customer from the fixed list; the kitchen highlights exactly these. */
  allergens: z.array(allergenSchema).max(allergenSchema.options.length).optional(),
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
    /** Where to deliver on the map, when the customer shares it: the courier's map and the live ETA use it. */
    deliveryLocation: geoPointSchema.optional(),
    /** Cash at the handover unless paid online. */
    payment: paymentMethodSchema.default("CASH"),
    items: z.array(orderLineSchema).min(1, "add at least one item").max(ORDER_LIMITS.maxLinesPerOrder),
    /** A slot later today (one of the menu's `ordering.slots`); absent: as soon as possible. */
    scheduledFor: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional(),
  })
  .superRefine((order, ctx) => {
    if (order.fulfilment === "DELIVERY" && !order.deliveryAddress) {
      ctx.addIssue({ code: "custom", path: ["deliveryAddress"], message: "is required for delivery" });
    }
    if (order.fulfilment === "PICKUP" && order.deliveryLocation) {
      ctx.addIssue({ code: "custom", path: ["deliveryLocation"], message: "is only for delivery" });
    }
    const total = order.items.reduce((sum, line) => sum + line.quantity, 0);
    if (total > ORDER_LIMITS.maxItemsPerOrder) {
      ctx.addIssue({ code: "custom", path: ["items"], message: `at most ${ORDER_LIMITS.maxItemsPerOrder} items per order` });
    }
  });
/** What a client sends (payment may be left out: cash). */
export type PlaceOrderRequest = z.input<typeof placeOrderRequestSchema>;
export type PlaceOrder = z.infer<typeof placeOrderRequestSchema>;

export const transitionRequestSchema = z.strictObject({
  to: orderStatusSchema,
  expectedSeq: z.int().min(1).optional(),
  /** Required when staff cancel or reject, or a courier could not deliver; OTHER needs a note. */
  reason: closeReasonDetailSchema.optional(),
  /** The 4-digit code the customer shows the courier: required for a courier to deliver. */
  pin: pinSchema.optional(),
  /** The courier confirms taking the cash, required to deliver an order paid in cash. */
  cashCollected: z.boolean().optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

/** POST /api/orders/{id}/items/{itemId}: a station marks one of its items done, or undoes that. */
export const itemDoneRequestSchema = z.strictObject({ done: z.boolean() });

/** POST /api/orders/{id}/priority: rush a ticket, or stop rushing it. */
export const priorityRequestSchema = z.strictObject({ rush: z.boolean() });

/** POST /api/orders/{id}/estimate: the kitchen pushes the ready time back. */
export const delayRequestSchema = z.strictObject({ minutes: z.int().min(1).max(120) });

export const ticketItemSchema = z.object({
  /** The order line (what a station bumps). */
  id: z.uuid(),
  menuItemId: z.uuid(),
  name: z.string(),
  quantity: z.int().min(1),
  unitPricePaise: paiseSchema,
  notes: z.string().nullable(),
  allergens: z.array(allergenSchema),
  stationId: z.uuid(),
  stationName: z.string(),
  /** When its station bumped it; null while it is being made. */
  doneAt: z.iso.datetime().nullable(),
});
export type TicketItem = z.infer<typeof ticketItemSchema>;

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
  /** Where the order is to be delivered on the map, when the customer shared it. */
  deliveryLocation: geoPointSchema.nullable(),
  /** How it is paid, and what is still to collect at the handover (0 once paid). */
  payment: z.object({ method: paymentMethodSchema, amountDuePaise: paiseSchema }),
  /** The courier who took it (or was given it); null before. */
  courier: courierSchema.nullable(),
  createdAt: z.iso.datetime(),
  estimatedReadyAt: z.iso.datetime().nullable(),
  /** The slot the customer scheduled it for; null: as soon as possible. */
  scheduledFor: z.iso.datetime().nullable(),
  /** Rushed by the kitchen: sorts first and stands out on every screen. */
  rush: z.boolean(),
  /** Set when the kitchen moved it back (recall), cleared by its next move forward. */
  recalledAt: z.iso.datetime().nullable(),
  /** When its status last changed: recalls are allowed within RECALL_WINDOW_MINUTES of it. */
  statusChangedAt: z.iso.datetime(),
  /** Its status before that change: where a cancel or reject by mistake goes back to. */
  previousStatus: orderStatusSchema.nullable(),
  /** Why it was cancelled or rejected. */
  closeReason: closeReasonDetailSchema.nullable(),
  items: z.array(ticketItemSchema).min(1),
});
export type Ticket = z.infer<typeof ticketSchema>;

/** Who to call and where the food comes from, on the customer's page. */
export const restaurantContactSchema = z.object({ name: z.string(), address: z.string(), phone: z.string(), location: geoPointSchema.nullable() });
export type RestaurantContact = z.infer<typeof restaurantContactSchema>;

/** GET /api/orders/{id}: the state a client resynchronises from. */
export const orderSnapshotSchema = z.object({
  ticket: ticketSchema,
  seq: z.int().min(1),
  timeline: z.array(orderEventSchema),
  restaurant: restaurantContactSchema,
  /** The courier's last position while it is out for delivery (positions have no seq: the newest wins). */
  courierPosition: courierPositionSchema.nullable(),
  /** The delivery's handover code: only in its customer's snapshot, never to staff. */
  deliveryPin: pinSchema.optional(),
});
export type OrderSnapshot = z.infer<typeof orderSnapshotSchema>;

/** 201/200 of POST /api/orders. */
export const placeOrderResponseSchema = z.object({
  order: orderSnapshotSchema,
  customerToken: z.string(),
  customerTokenExpiresAt: z.iso.datetime(),
});
export type PlaceOrderResponse = z.infer<typeof placeOrderResponseSchema>;

/** GET /api/kitchens/{id}/orders, /api/stations/{id}/tickets and /api/restaurants/{slug}/deliveries. */
export const ticketListSchema = z.object({
  tickets: z.array(ticketSchema),
  /** So screens can tick ages from the server's clock, not the device's. */
  serverTime: z.iso.datetime(),
  /** How long after a move the kitchen may still undo it. */
  recallWindowMinutes: z.int().positive(),
});
export type TicketList = z.infer<typeof ticketListSchema>;
