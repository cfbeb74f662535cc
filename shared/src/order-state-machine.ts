import type { Fulfilment, OrderStatus, Role } from "./enums.ts";

interface Move {
  from: OrderStatus;
  to: OrderStatus;
  roles: readonly Role[];
  /** Only for orders of this fulfilment; absent means both. */
  fulfilment?: Fulfilment;
  /** A move back, undoing the last one: only within the recall window of it. */
  recall?: true;
}

const KITCHEN = ["kitchen", "admin"] as const;
const DELIVERY = ["delivery", "admin"] as const;

/**
 * The lifecycle of docs/architecture.md: every move a role may make, forward and back. Admins may
 * make every staff move. Nothing moves back once the courier has the food.
 */
export const ORDER_MOVES: readonly Move[] = [
  { from: "SCHEDULED", to: "CANCELLED", roles: ["customer", "kitchen", "admin"] },
  { from: "SCHEDULED", to: "REJECTED", roles: KITCHEN },
  { from: "PLACED", to: "ACCEPTED", roles: KITCHEN },
  { from: "ACCEPTED", to: "PREPARING", roles: KITCHEN },
  { from: "PREPARING", to: "READY", roles: KITCHEN },
  { from: "READY", to: "COLLECTED", roles: KITCHEN, fulfilment: "PICKUP" },
  { from: "READY", to: "OUT_FOR_DELIVERY", roles: DELIVERY, fulfilment: "DELIVERY" },
  { from: "OUT_FOR_DELIVERY", to: "DELIVERED", roles: DELIVERY, fulfilment: "DELIVERY" },
  { from: "OUT_FOR_DELIVERY", to: "DELIVERY_FAILED", roles: DELIVERY, fulfilment: "DELIVERY" },
  { from: "PLACED", to: "CANCELLED", roles: ["customer", "kitchen", "admin"] },
  { from: "ACCEPTED", to: "CANCELLED", roles: KITCHEN },
  { from: "PREPARING", to: "CANCELLED", roles: KITCHEN },
  { from: "PLACED", to: "REJECTED", roles: KITCHEN },
  { from: "READY", to: "PREPARING", roles: KITCHEN, recall: true },
  { from: "PREPARING", to: "ACCEPTED", roles: KITCHEN, recall: true },
  { from: "COLLECTED", to: "READY", roles: KITCHEN, fulfilment: "PICKUP", recall: true },
  // A cancel or reject by mistake goes back to where the order was (see judgeMove).
  { from: "CANCELLED", to: "SCHEDULED", roles: KITCHEN, recall: true },
  { from: "CANCELLED", to: "PLACED", roles: KITCHEN, recall: true },
  { from: "CANCELLED", to: "ACCEPTED", roles: KITCHEN, recall: true },
  { from: "CANCELLED", to: "PREPARING", roles: KITCHEN, recall: true },
  { from: "REJECTED", to: "SCHEDULED", roles: KITCHEN, recall: true },
  { from: "REJECTED", to: "PLACED", roles: KITCHEN, recall: true },
];

/** Moves the server makes by itself (a SYSTEM event): as stations bump items, and when a scheduled order is due. */
export const SYSTEM_MOVES = {
  /** A scheduled order's slot minus its prep time has come: the kitchen sees it as new. */
  released: { from: "SCHEDULED", to: "PLACED" },
  /** The first item of an accepted order is done: it is being prepared. */
  firstItemDone: { from: "ACCEPTED", to: "PREPARING" },
  /** The last item is done and the restaurant runs without expo: it is ready. */
  lastItemDone: { from: "PREPARING", to: "READY" },
} as const satisfies Record<string, { from: OrderStatus; to: OrderStatus }>;

export const FINAL_STATUSES: readonly OrderStatus[] = ["DELIVERED", "DELIVERY_FAILED", "COLLECTED", "CANCELLED", "REJECTED"];

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

function moveFor(role: Role, from: OrderStatus, to: OrderStatus, fulfilment: Fulfilment): Move | undefined {
  return ORDER_MOVES.find((m) => m.from === from && m.to === to && m.roles.includes(role) && (!m.fulfilment || m.fulfilment === fulfilment));
}

/** Whether the table has this move for this role (recalls still need judgeMove's window and target). */
export function canTransition(role: Role, from: OrderStatus, to: OrderStatus, fulfilment: Fulfilment): boolean {
  return moveFor(role, from, to, fulfilment) !== undefined;
}

/** The moves back: what reports and the manager's board count as recalls. */
export const RECALL_MOVES: readonly Move[] = ORDER_MOVES.filter((m) => m.recall);

export function isRecall(from: OrderStatus, to: OrderStatus): boolean {
  return RECALL_MOVES.some((m) => m.from === from && m.to === to);
}

/** An order as judgeMove needs it. */
export interface MoveSubject {
  status: OrderStatus;
  fulfilment: Fulfilment;
  /** The status before the last change: where a cancelled or rejected order goes back to. */
  previousStatus: OrderStatus | null;
  statusChangedAt: Date;
}

/**
 * "allowed"; "forbidden" when the role may never move any order to `to` (a 403); "illegal" when
 * it may, but not this order from where it stands now (a 409); "too_late" for a recall past the
 * window after the move it undoes (a 409 naming the window).
 */
export type MoveVerdict = "allowed" | "forbidden" | "illegal" | "too_late";

export function judgeMove(role: Role, order: MoveSubject, to: OrderStatus, recall: { now: Date; windowMinutes: number }): MoveVerdict {
  if (!ORDER_MOVES.some((m) => m.to === to && m.roles.includes(role))) return "forbidden";
  const move = moveFor(role, order.status, to, order.fulfilment);
  if (!move) return "illegal";
  if (!move.recall) return "allowed";
  if ((order.status === "CANCELLED" || order.status === "REJECTED") && to !== order.previousStatus) return "illegal";
  return recall.now.getTime() - order.statusChangedAt.getTime() > recall.windowMinutes * 60_000 ? "too_late" : "allowed";
}

/** The forward moves `role` may choose from where an order stands (the screens' buttons). */
export function nextStatuses(role: Role, from: OrderStatus, fulfilment: Fulfilment): OrderStatus[] {
  return ORDER_MOVES.filter((m) => !m.recall && m.from === from && canTransition(role, from, m.to, fulfilment)).map((m) => m.to);
}

/** Where a recall by `role` would take this order, if one exists (the window aside). */
export function recallTarget(role: Role, order: Pick<MoveSubject, "status" | "fulfilment" | "previousStatus">): OrderStatus | undefined {
  const back = ORDER_MOVES.filter((m) => m.recall && m.from === order.status && canTransition(role, m.from, m.to, order.fulfilment));
  return back.find((m) => order.status !== "CANCELLED" && order.status !== "REJECTED" ? true : m.to === order.previousStatus)?.to;
}
