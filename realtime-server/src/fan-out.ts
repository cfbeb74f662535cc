import { deliveryRoom, kitchenRoom, orderRoom, type OrderUpdate, type ServerToClientEvents } from "@orderly/shared";

export interface Delivery {
  event: keyof Pick<ServerToClientEvents, "new_order" | "status_update" | "pickup_ready">;
  rooms: string[];
}

/** Which rooms hear of an order update, and as which event. */
export function deliveriesFor({ event, ticket }: OrderUpdate): Delivery[] {
  const order = orderRoom(ticket.id);
  const kitchen = kitchenRoom(ticket.kitchenId);
  const delivery = deliveryRoom(ticket.restaurantId);
  if (event.fromStatus === null) {
    return [
      { event: "new_order", rooms: [kitchen] },
      { event: "status_update", rooms: [order] },
    ];
  }
  const isDelivery = ticket.fulfilment === "DELIVERY";
  const couriersFollow = isDelivery && (event.toStatus === "OUT_FOR_DELIVERY" || event.toStatus === "DELIVERED");
  const deliveries: Delivery[] = [{ event: "status_update", rooms: couriersFollow ? [order, kitchen, delivery] : [order, kitchen] }];
  if (isDelivery && event.toStatus === "READY") deliveries.push({ event: "pickup_ready", rooms: [delivery] });
  return deliveries;
}
