import type { Allergen, CloseReason } from "@orderly/shared";

/** What customers and cooks read for each allergen of the fixed list. */
export const ALLERGEN_LABELS: Record<Allergen, string> = {
  PEANUTS: "Peanuts",
  TREE_NUTS: "Tree nuts",
  GLUTEN: "Gluten",
  DAIRY: "Dairy",
  EGG: "Egg",
  FISH: "Fish",
  SHELLFISH: "Shellfish",
  SOY: "Soy",
  SESAME: "Sesame",
};

/** Why the kitchen cancelled or rejected an order, or a delivery failed, as the customer reads it. */
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  ITEM_UNAVAILABLE: "An item is not available",
  KITCHEN_TOO_BUSY: "The kitchen is too busy right now",
  CLOSING_SOON: "The restaurant is closing",
  CUSTOMER_ASKED: "You asked to cancel",
  DUPLICATE_ORDER: "It was a duplicate order",
  CUSTOMER_UNREACHABLE: "The courier could not reach you",
  ADDRESS_NOT_FOUND: "The courier could not find the address",
  CUSTOMER_REFUSED: "The order was refused at the door",
  OTHER: "Other",
};
