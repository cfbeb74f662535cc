import { deliveryRoom, kitchenRoom, orderRoom, stationRoom, type OrderStatus, type OrderUpdate, type ServerToClientEvents } from "@orderly/shared";

export interface Delivery {
  event: keyof Pick<ServerToClientEvents, "new_order" | "status_update" | "order_update" | "pickup_ready">;
  rooms: string[];
}

/** The statuses a courier's list is about: an event of a delivery order there (or leaving READY) reaches them. */
const COURIER_STATUSES: readonly OrderStatus[] = ["READY", "OUT_FOR_DELIVERY", "DELIVERED"];

/**
 * Which rooms hear of an order event, and as which Socket.IO event. The kitchen hears `new_order`
 * when a ticket becomes new to it (placed, or released from SCHEDULED). The order's customer, its
 * kitchen and the stations that make its items hear everything, so their seq has no gaps;
 * couriers hear what happens to delivery orders around pickup (a READY order recalled to the
 * kitchen leaves their list), and are alerted when one is ready.
 */
export function deliveriesFor({ event, ticket }: OrderUpdate): Delivery[] {
  const order = orderRoom(ticket.id);
  const kitchen = [kitchenRoom(ticket.kitchenId), ...new Set(ticket.items.map((i) => stationRoom(i.stationId)))];
  const status = event.type === "STATUS_CHANGED" ? event.payload : null;
  // New to the kitchen: placed now, or a scheduled order whose time has come (not yet when scheduled).
  if (status && status.to === "PLACED" && (status.from === null || status.from === "SCHEDULED")) {
    return [
      { event: "new_order", rooms: kitchen },
      { event: "status_update", rooms: [order] },
    ];
  }
  const forCouriers =
    ticket.fulfilment === "DELIVERY" && (COURIER_STATUSES.includes(ticket.status) || (status !== null && COURIER_STATUSES.includes(status.from!)));
  if (status && status.to === "READY" && ticket.fulfilment === "DELIVERY") {
    return [
      { event: "status_update", rooms: [order, ...kitchen] },
      { event: "pickup_ready", rooms: [deliveryRoom(ticket.restaurantId)] },
    ];
  }
  const rooms = [order, ...kitchen, ...(forCouriers ? [deliveryRoom(ticket.restaurantId)] : [])];
  return [{ event: status ? "status_update" : "order_update", rooms }];
}
