import { z } from "zod";
import { paiseSchema } from "./money.ts";
import { singleLine } from "./text.ts";

/** Orders are capped and scheduled in slots of this many minutes. */
export const SLOT_MINUTES = 15;
const SLOT_MS = SLOT_MINUTES * 60_000;

/** The start of the slot `at` falls in (slots start on the quarter hour). */
export function slotStartOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);
}

export const restaurantSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  /** IANA zone of its opening hours. */
  timeZone: z.string(),
});
export type Restaurant = z.infer<typeof restaurantSchema>;

export const menuItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  pricePaise: paiseSchema,
  prepMinutes: z.int().min(0),
  /** Sold out ("86'd") when false: shown greyed, refused in orders. */
  available: z.boolean(),
  /** When a sold-out item comes back by itself; null: until the kitchen restores it. */
  soldOutUntil: z.iso.datetime().nullable(),
});
export type MenuItem = z.infer<typeof menuItemSchema>;

/** Whether and when a restaurant takes orders, as it stands at `asOf`. */
export const orderingSchema = z.object({
  asOf: z.iso.datetime(),
  paused: z.boolean(),
  pauseReason: z.string().nullable(),
  /** Busy mode: minutes added to every estimate. */
  extraPrepMinutes: z.int().min(0),
  /** Orders per slot; null for no cap. */
  orderCap: z.int().positive().nullable(),
  /** Within opening hours. */
  open: z.boolean(),
  /** When it next opens, while closed (null: no opening hours ahead). */
  opensAt: z.iso.datetime().nullable(),
  /** When it closes, while open (null: not within the coming week). */
  closesAt: z.iso.datetime().nullable(),
  /** The current slot is full: orders as soon as possible are refused until nextFreeSlotAt. */
  capped: z.boolean(),
  nextFreeSlotAt: z.iso.datetime().nullable(),
  /** The slots later today a customer may schedule an order for (none full). */
  slots: z.array(z.iso.datetime()),
});
export type Ordering = z.infer<typeof orderingSchema>;

/** GET /api/restaurants/{slug}/menu, and what each restaurant update carries. */
export const menuSchema = z.object({
  restaurant: restaurantSchema,
  /** The seq of its latest restaurant event (0: none yet). */
  seq: z.int().min(0),
  categories: z.array(z.object({ name: z.string(), items: z.array(menuItemSchema) })),
  ordering: orderingSchema,
});
export type Menu = z.infer<typeof menuSchema>;

/**
 * PATCH /api/restaurants/{slug}/menu/{itemId}: sell an item out ("86 it") until the end of the
 * restaurant's day, until a time, or until restored (no `until`); or restore it.
 */
export const itemAvailabilityRequestSchema = z
  .strictObject({
    available: z.boolean(),
    until: z.union([z.literal("END_OF_DAY"), z.iso.datetime({ offset: true, error: "must be END_OF_DAY or an ISO date-time" })]).optional(),
  })
  .refine((r) => !r.available || r.until === undefined, { path: ["until"], message: "only applies when selling out (available: false)" });
export type ItemAvailabilityRequest = z.infer<typeof itemAvailabilityRequestSchema>;

/** PATCH /api/restaurants/{slug}/ordering: pause or resume online orders, busy mode, the order cap. */
export const orderingRequestSchema = z
  .strictObject({
    paused: z.boolean().optional(),
    /** Shown to customers while paused. */
    reason: singleLine(200).optional(),
    extraPrepMinutes: z.int("must be a whole number").min(0, "must not be negative").max(120).optional(),
    /** Orders per 15-minute slot; null removes the cap. */
    orderCap: z.int("must be a whole number").min(1, "must be at least 1 (null removes the cap)").max(1000).nullable().optional(),
  })
  .refine((r) => Object.keys(r).length > 0, { path: ["body"], message: "name at least one of paused, reason, extraPrepMinutes, orderCap" })
  .refine((r) => r.reason === undefined || r.paused === true, { path: ["reason"], message: "only applies when pausing (paused: true)" });
export type OrderingRequest = z.infer<typeof orderingRequestSchema>;
