import {
  courierRoom,
  deliveryRoom,
  kitchenRoom,
  orderRoom,
  stationRoom,
  type OrderEvent,
  type OrderUpdate,
  type ServerToClientEvents,
  type Ticket,
} from "@orderly/shared";

export interface Delivery {
  event: keyof Pick<ServerToClientEvents, "new_order" | "status_update" | "order_update" | "pickup_ready">;
  rooms: string[];
}

/**
 * Which rooms hear of an order event, and as which Socket.IO event. The kitchen hears `new_order`
 * when a ticket becomes new to it (placed, or released from SCHEDULED). The order's customer, its
 * kitchen and the stations that make its items hear everything, so their seq has no gaps.
 * Couriers hear only what their lists are about: every courier of the restaurant hears of a
 * delivery that is (or was, until this event) ready with no courier, and is alerted when one
 * becomes ready; once a courier holds it, only they do (and the one it was taken from).
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
  const couriers = ticket.fulfilment === "DELIVERY" ? courierRooms(event, ticket) : [];
  const everyone = [order, ...kitchen, ...couriers.filter((room) => !(status?.to === "READY" && room === alertedRoom(ticket)))];
  if (status && status.to === "READY" && ticket.fulfilment === "DELIVERY") {
    return [
      { event: "status_update", rooms: everyone },
      { event: "pickup_ready", rooms: [alertedRoom(ticket)] },
    ];
  }
  return [{ event: status ? "status_update" : "order_update", rooms: everyone }];
}

/** Who is alerted when a delivery is ready: the courier it is reserved for, else every courier. */
const alertedRoom = (ticket: Ticket) => (ticket.courier ? courierRoom(ticket.courier.id) : deliveryRoom(ticket.restaurantId));

function courierRooms(event: OrderEvent, ticket: Ticket): string[] {
  const rooms: string[] = [];
  const waitingNow = ticket.status === "READY" && !ticket.courier;
  // Taken, recalled, or reserved by an admin for one courier while it waits.
  const leftWaiting =
    (event.type === "STATUS_CHANGED" && event.payload.from === "READY") ||
    (event.type === "COURIER_ASSIGNED" && event.payload.previousCourierId === null && ticket.status === "READY");
  if (waitingNow || leftWaiting) rooms.push(deliveryRoom(ticket.restaurantId));
  if (ticket.courier) rooms.push(courierRoom(ticket.courier.id));
  if (event.type === "COURIER_ASSIGNED" && event.payload.previousCourierId) rooms.push(courierRoom(event.payload.previousCourierId));
  return rooms;
}
