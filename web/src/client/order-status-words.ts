import type { OrderStatus, Ticket } from "@orderly/shared";

/** Each status as a step of the customer's progress list. */
export const STEP_LABELS: Record<OrderStatus, string> = {
  SCHEDULED: "Scheduled",
  PLACED: "Order placed",
  ACCEPTED: "Accepted by the kitchen",
  PREPARING: "Being prepared",
  READY: "Ready",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  DELIVERY_FAILED: "Delivery failed",
  COLLECTED: "Collected",
  CANCELLED: "Cancelled",
  REJECTED: "Declined by the restaurant",
};

/** What the order's status means for the customer, in a sentence (also read out by screen readers as it changes). */
export function statusSentence(ticket: Pick<Ticket, "status" | "fulfilment">): string {
  switch (ticket.status) {
    case "SCHEDULED":
      return "The kitchen starts your order in time for your slot.";
    case "PLACED":
      return "Waiting for the restaurant to accept your order.";
    case "ACCEPTED":
      return "The kitchen has accepted your order.";
    case "PREPARING":
      return "Your food is being prepared.";
    case "READY":
      return ticket.fulfilment === "PICKUP" ? "Your order is ready: collect it at the counter." : "Your food is ready and waiting for a courier.";
    case "OUT_FOR_DELIVERY":
      return "Your order is on the way.";
    case "DELIVERED":
      return "Your order was delivered. Enjoy your meal!";
    case "DELIVERY_FAILED":
      return "Your order could not be delivered.";
    case "COLLECTED":
      return "You collected your order. Enjoy your meal!";
    case "CANCELLED":
      return "Your order was cancelled.";
    case "REJECTED":
      return "The restaurant declined your order.";
  }
}
