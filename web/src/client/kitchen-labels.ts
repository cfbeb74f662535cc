import type { ActorRole, CloseReason, OrderStatus } from "@orderly/shared";

/** Statuses as the kitchen says them (the board's column titles). */
export const KITCHEN_STATUS_WORDS: Record<OrderStatus, string> = {
  SCHEDULED: "Later",
  PLACED: "New",
  ACCEPTED: "Accepted",
  PREPARING: "Preparing",
  READY: "Ready",
  OUT_FOR_DELIVERY: "Out for delivery",
  DELIVERED: "Delivered",
  DELIVERY_FAILED: "Delivery failed",
  COLLECTED: "Collected",
  CANCELLED: "Cancelled",
  REJECTED: "Rejected",
};

/** The button that moves a ticket forward to each status. */
export const MOVE_BUTTONS: Partial<Record<OrderStatus, string>> = {
  ACCEPTED: "Accept",
  PREPARING: "Start",
  READY: "Ready",
  COLLECTED: "Collected",
  REJECTED: "Reject",
  CANCELLED: "Cancel",
};

/** Why an order was closed, in staff words (the customer reads labels.ts's). */
export const KITCHEN_CLOSE_REASONS: Record<CloseReason, string> = {
  ITEM_UNAVAILABLE: "Item unavailable",
  KITCHEN_TOO_BUSY: "Kitchen too busy",
  CLOSING_SOON: "Closing soon",
  CUSTOMER_ASKED: "Customer asked",
  DUPLICATE_ORDER: "Duplicate order",
  CUSTOMER_UNREACHABLE: "Customer unreachable",
  ADDRESS_NOT_FOUND: "Address not found",
  CUSTOMER_REFUSED: "Customer refused it",
  OTHER: "Other",
};

/** Who made an order's last move. */
export const MOVED_BY: Record<ActorRole, string> = {
  KITCHEN: "by expo",
  STATION: "by a station",
  SYSTEM: "automatically",
  CUSTOMER: "by the customer",
  DELIVERY: "by a courier",
  ADMIN: "by a manager",
};
