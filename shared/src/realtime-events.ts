import { z } from "zod";
import { appErrorCodeSchema } from "./app-error.ts";
import { courierPositionSchema, type CourierPosition } from "./delivery.schema.ts";
import { orderEventSchema } from "./order-event.schema.ts";
import { ticketSchema } from "./order.schema.ts";
import { restaurantEventSchema } from "./restaurant-event.schema.ts";
import { menuSchema } from "./restaurant.schema.ts";

/**
 * Every push carries the event (for seq bookkeeping and the timeline) and the order as it
 * stands after it, so a client can apply it without another request.
 */
export const orderUpdateSchema = z
  .object({ event: orderEventSchema, ticket: ticketSchema })
  .refine((u) => u.ticket.id === u.event.orderId, { path: ["ticket", "id"], message: "must equal event.orderId" })
  .refine((u) => u.ticket.seq >= u.event.seq, { path: ["ticket", "seq"], message: "must not be older than event.seq" });
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;

/** A restaurant event and the menu as it stands after it (the same pattern as orders). */
export const restaurantUpdateSchema = z
  .object({ event: restaurantEventSchema, menu: menuSchema })
  .refine((u) => u.menu.restaurant.id === u.event.restaurantId, { path: ["menu", "restaurant", "id"], message: "must equal event.restaurantId" })
  .refine((u) => u.menu.seq >= u.event.seq, { path: ["menu", "seq"], message: "must not be older than event.seq" });
export type RestaurantUpdate = z.infer<typeof restaurantUpdateSchema>;

/**
 * An `error` event, and the `data` of a refused connection (`connect_error`'s `err.data`).
 * TOKEN_EXPIRED comes just before the server disconnects the socket: refresh, then reconnect.
 */
export const socketErrorSchema = z.object({
  code: appErrorCodeSchema,
  message: z.string(),
});
export type SocketError = z.infer<typeof socketErrorSchema>;

export const subscribeOrderSchema = z.strictObject({
  orderId: z.uuid(),
  /** A customer token naming orderId, when the socket's own token does not. */
  token: z.string().max(4096).optional(),
});
export type SubscribeOrder = z.infer<typeof subscribeOrderSchema>;

export type Ack = { ok: true } | { ok: false; error: string };

export interface ServerToClientEvents {
  /** An order was placed (kitchen and its stations). */
  new_order: (update: OrderUpdate) => void;
  /** An order's status changed, forward or back. */
  status_update: (update: OrderUpdate) => void;
  /** Any other change: an item done or undone, rush, estimate, courier. */
  order_update: (update: OrderUpdate) => void;
  /** A delivery order is ready: couriers are alerted. */
  pickup_ready: (update: OrderUpdate) => void;
  /** Where the courier holding an order is (its order room only); no seq: the newest `at` wins. */
  courier_position: (position: CourierPosition) => void;
  /** An item sold out or came back, or ordering paused, resumed, slowed or capped (menu rooms). */
  restaurant_update: (update: RestaurantUpdate) => void;
  error: (error: SocketError) => void;
  /** This instance is going away; the client reconnects (to any instance) and resynchronises. */
  server_shutdown: () => void;
}

export interface ClientToServerEvents {
  subscribe_order: (request: SubscribeOrder, ack: (result: Ack) => void) => void;
}

export const MAX_EVENTS_PER_BATCH = 200;
/** Each carries a whole menu, so fewer fit in a batch. */
export const MAX_RESTAURANT_EVENTS_PER_BATCH = 20;
export const MAX_POSITIONS_PER_BATCH = 50;

/** Body of the signed POST /internal/events from web's outbox to the realtime server. */
export const internalEventBatchSchema = z
  .strictObject({
    events: z.array(orderUpdateSchema).max(MAX_EVENTS_PER_BATCH).default([]),
    restaurantEvents: z.array(restaurantUpdateSchema).max(MAX_RESTAURANT_EVENTS_PER_BATCH).default([]),
    /** Volatile: sent by web as they come, not through the outbox. */
    positions: z.array(courierPositionSchema).max(MAX_POSITIONS_PER_BATCH).default([]),
  })
  .refine((b) => b.events.length + b.restaurantEvents.length + b.positions.length > 0, { path: ["events"], message: "a batch needs at least one event" });
export type InternalEventBatch = z.infer<typeof internalEventBatchSchema>;
