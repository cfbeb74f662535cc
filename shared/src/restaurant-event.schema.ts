import { z } from "zod";
import { actorRoleSchema } from "./enums.ts";

const base = {
  id: z.uuid(),
  restaurantId: z.uuid(),
  /** Gapless per restaurant: clients apply events by seq and re-read the menu on a gap. */
  seq: z.int().min(1),
  actorRole: actorRoleSchema,
  at: z.iso.datetime(),
};

/**
 * One RestaurantEvent row: a change of what customers can order, written in the same transaction
 * as the change and published by the outbox relay, like order events.
 */
export const restaurantEventSchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("ITEM_AVAILABILITY"),
    payload: z.object({ itemId: z.uuid(), available: z.boolean(), soldOutUntil: z.iso.datetime().nullable() }),
  }),
  z.object({
    ...base,
    type: z.literal("ORDERING_CHANGED"),
    payload: z.object({
      paused: z.boolean(),
      pauseReason: z.string().nullable(),
      extraPrepMinutes: z.int().min(0),
      orderCap: z.int().positive().nullable(),
    }),
  }),
]);
export type RestaurantEvent = z.infer<typeof restaurantEventSchema>;
export type RestaurantEventOf<T extends RestaurantEvent["type"]> = Extract<RestaurantEvent, { type: T }>;
/** What a restaurant change records: the type and its payload. */
export type RestaurantChange = { [T in RestaurantEvent["type"]]: { type: T; payload: RestaurantEventOf<T>["payload"] } }[RestaurantEvent["type"]];
