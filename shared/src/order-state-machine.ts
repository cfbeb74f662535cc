import type { Fulfilment, OrderStatus, Role } from "./enums.ts";

interface Move {
  from: OrderStatus;
  to: OrderStatus;
  roles: readonly Role[];
  /** Only for orders of this fulfilment; absent means both. */
  fulfilment?: Fulfilment;
}

const KITCHEN = ["kitchen", "admin"] as const;
const DELIVERY = ["delivery", "admin"] as const;

/** The lifecycle of docs/architecture.md, forward only. Admins may make every staff move. */
export const ORDER_MOVES: readonly Move[] = [
  { from: "PLACED", to: "ACCEPTED", roles: KITCHEN },
  { from: "ACCEPTED", to: "PREPARING", roles: KITCHEN },
  { from: "PREPARING", to: "READY", roles: KITCHEN },
  { from: "READY", to: "COLLECTED", roles: KITCHEN, fulfilment: "PICKUP" },
  { from: "READY", to: "OUT_FOR_DELIVERY", roles: DELIVERY, fulfilment: "DELIVERY" },
  { from: "OUT_FOR_DELIVERY", to: "DELIVERED", roles: DELIVERY, fulfilment: "DELIVERY" },
  { from: "PLACED", to: "CANCELLED", roles: ["customer", "kitchen", "admin"] },
  { from: "ACCEPTED", to: "CANCELLED", roles: KITCHEN },
  { from: "PREPARING", to: "CANCELLED", roles: KITCHEN },
  { from: "PLACED", to: "REJECTED", roles: KITCHEN },
];

export const FINAL_STATUSES: readonly OrderStatus[] = ["DELIVERED", "COLLECTED", "CANCELLED", "REJECTED"];

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(role: Role, from: OrderStatus, to: OrderStatus, fulfilment: Fulfilment): boolean {
  return ORDER_MOVES.some(
    (m) => m.from === from && m.to === to && m.roles.includes(role) && (!m.fulfilment || m.fulfilment === fulfilment),
  );
}

/**
 * "allowed"; "forbidden" when the role may never move any order to `to` (a 403); "illegal" when
 * it may, but not this order from where it stands now (a 409).
 */
export type MoveVerdict = "allowed" | "forbidden" | "illegal";

export function judgeMove(role: Role, from: OrderStatus, to: OrderStatus, fulfilment: Fulfilment): MoveVerdict {
  if (!ORDER_MOVES.some((m) => m.to === to && m.roles.includes(role))) return "forbidden";
  return canTransition(role, from, to, fulfilment) ? "allowed" : "illegal";
}

/** The statuses `role` may move an order to from where it stands now. */
export function nextStatuses(role: Role, from: OrderStatus, fulfilment: Fulfilment): OrderStatus[] {
  return ORDER_MOVES.filter((m) => m.from === from && canTransition(role, from, m.to, fulfilment)).map((m) => m.to);
}
