import { randomUUID } from "node:crypto";
import {
  CLOSE_REASONS_FOR,
  isRecall,
  type ActorRole,
  type Allergen,
  type CloseReasonDetail,
  type ClosingStatus,
  type Fulfilment,
  type OrderChange,
  type OrderStatus,
  type PaymentMethod,
} from "@orderly/shared";
import { lineExtras } from "./history-people.ts";
import { between, chance, pick, pickWeighted, type Random } from "./random.ts";

/** A menu item as history orders it. */
export interface Dish {
  id: string;
  name: string;
  category: string;
  pricePaise: number;
  prepMinutes: number;
  stationId: string;
}

/** What a restaurant's history is made with: its menu, how it runs and who works there. */
export interface Crew {
  usesExpo: boolean;
  menu: Dish[];
  /** The kitchen login: expo moves, and each station's bumps (a station screen is a kitchen account's). */
  kitchenStaffId: string;
  courierIds: string[];
}

export interface Line {
  id: string;
  dish: Dish;
  quantity: number;
  notes: string | null;
  allergens: Allergen[];
}

export interface HistoryEvent {
  at: Date;
  change: OrderChange;
  actorRole: ActorRole;
  actorId: string | null;
}

export interface SimulatedOrder {
  placedAt: Date;
  fulfilment: Fulfilment;
  payment: PaymentMethod;
  lines: Line[];
  /** The whole lifecycle, in order; times never decrease. */
  events: HistoryEvent[];
}

// How often things happen, per order (checked by prisma/test/history.test.ts).
const DELIVERY_SHARE = 0.6;
const ONLINE_SHARE: Record<Fulfilment, number> = { DELIVERY: 0.55, PICKUP: 0.35 };
const CUSTOMER_CANCELS = 0.015;
const KITCHEN_CANCELS = 0.015;
/** Plus up to as much again when the kitchen is at its busiest. */
const REJECTED = 0.012;
const DELIVERY_FAILS = 0.025;
const RECALLED = 0.03;
const ITEM_UNDONE = 0.05;
const RUSHED = 0.05;
const ESTIMATE_PUSHED = 0.06;
const SLOW = 0.08;

const CATEGORY_WEIGHT: Record<string, number> = { Mains: 4, Breads: 2, Starters: 1.5, Drinks: 1.5, Desserts: 1 };
const LINE_COUNT = [1, 2, 3, 4] as const;
const LINE_COUNT_WEIGHT = [0.35, 0.35, 0.2, 0.1] as const;

type Weighted<T> = readonly (readonly [T, number])[];
/** A reason the product accepts for closing an order this way. */
type ReasonFor<S extends ClosingStatus> = { code: (typeof CLOSE_REASONS_FOR)[S][number]; note?: string };
const REJECT_REASONS: Weighted<ReasonFor<"REJECTED">> = [
  [{ code: "KITCHEN_TOO_BUSY" }, 4],
  [{ code: "ITEM_UNAVAILABLE" }, 3],
  [{ code: "DUPLICATE_ORDER" }, 2],
  [{ code: "OTHER", note: "Delivery address outside our area" }, 1],
];
const CANCEL_REASONS: Weighted<ReasonFor<"CANCELLED">> = [
  [{ code: "CUSTOMER_ASKED" }, 5],
  [{ code: "ITEM_UNAVAILABLE" }, 3],
  [{ code: "KITCHEN_TOO_BUSY" }, 1],
  [{ code: "OTHER", note: "Customer changed the order by phone" }, 1],
];
const FAILED_REASONS: Weighted<ReasonFor<"DELIVERY_FAILED">> = [
  [{ code: "CUSTOMER_UNREACHABLE" }, 5],
  [{ code: "ADDRESS_NOT_FOUND" }, 3],
  [{ code: "CUSTOMER_REFUSED" }, 1],
  [{ code: "OTHER", note: "Scooter broke down on the way" }, 1],
];

const weighted = <T>(random: Random, options: Weighted<T>): T => pickWeighted(random, options, ([, weight]) => weight)[0];

const later = (at: Date, minutes: number) => new Date(Math.round((at.getTime() + minutes * 60_000) / 1000) * 1000);

/** The lifecycle as it is being written: the events so far and what the next ones depend on. */
class Timeline {
  readonly events: HistoryEvent[] = [];
  status: OrderStatus = "PLACED";
  private readonly done = new Set<string>();

  constructor(
    private readonly crew: Crew,
    private readonly lines: Line[],
  ) {}

  get lastAt(): Date {
    return this.events[this.events.length - 1]!.at;
  }

  record(at: Date, change: OrderChange, actorRole: ActorRole, actorId: string | null): void {
    this.events.push({ at, change, actorRole, actorId });
  }

  move(at: Date, to: OrderStatus, actorRole: ActorRole, actorId: string | null, reason?: CloseReasonDetail): void {
    this.record(at, { type: "STATUS_CHANGED", payload: { from: this.status, to, ...(reason && { reason }) } }, actorRole, actorId);
    this.status = to;
  }

  /** A station bumps a line done (or undoes it), with the SYSTEM moves the server makes on it. */
  bump(at: Date, line: Line, done: boolean): void {
    const payload = { itemId: line.id, stationId: line.dish.stationId };
    this.record(at, done ? { type: "ITEM_DONE", payload } : { type: "ITEM_UNDONE", payload }, "STATION", this.crew.kitchenStaffId);
    if (!done) {
      this.done.delete(line.id);
      return;
    }
    this.done.add(line.id);
    if (this.status === "ACCEPTED") this.move(at, "PREPARING", "SYSTEM", null);
    if (this.done.size === this.lines.length && !this.crew.usesExpo) this.move(at, "READY", "SYSTEM", null);
  }
}

function orderLines(random: Random, menu: Dish[]): Line[] {
  const count = pickWeighted(random, LINE_COUNT, (n) => LINE_COUNT_WEIGHT[n - 1]!);
  const dishes: Dish[] = [];
  while (dishes.length < Math.min(count, menu.length)) {
    const dish = pickWeighted(random, menu, (d) => CATEGORY_WEIGHT[d.category] ?? 1);
    if (!dishes.includes(dish)) dishes.push(dish);
  }
  return dishes.map((dish) => ({ id: randomUUID(), dish, quantity: pickWeighted(random, [1, 2, 3], (q) => [6, 3, 1][q - 1]!), ...lineExtras(random, dish) }));
}

type KitchenAction = { at: Date; line: Line; done: boolean } | { at: Date; change: OrderChange };

/**
 * What the kitchen does with an accepted order, in time order: each line bumped when its station
 * has made it (later when the kitchen is busy, much later for a slow ticket), sometimes one bumped
 * by mistake and undone before any is really done, sometimes a rush or a pushed-back estimate.
 */
function kitchenActions(random: Random, lines: Line[], acceptedAt: Date, load: number, estimatedReadyAt: Date): KitchenAction[] {
  const slow = chance(random, SLOW) ? between(random, 1.4, 1.9) : 1;
  const bumps = lines.map((line) => {
    const minutes = (line.dish.prepMinutes * between(random, 0.5, 0.85) * (1 + (line.quantity - 1) * 0.1) + between(random, 0, 0.5 + 2 * load)) * slow;
    return { at: later(acceptedAt, minutes), line, done: true };
  });
  const actions: KitchenAction[] = [...bumps];
  const lastBump = Math.max(...bumps.map((b) => b.at.getTime()));
  const span = (lastBump - acceptedAt.getTime()) / 60_000;
  if (lines.length > 1 && chance(random, ITEM_UNDONE)) {
    const line = pick(random, lines);
    // Bumped by mistake and undone before any line is really done.
    const window = (Math.min(...bumps.map((b) => b.at.getTime())) - acceptedAt.getTime()) / 60_000;
    const mistake = later(acceptedAt, window * between(random, 0.2, 0.5));
    actions.push({ at: mistake, line, done: true }, { at: later(mistake, window * between(random, 0.1, 0.4)), line, done: false });
  }
  if (chance(random, RUSHED)) actions.push({ at: later(acceptedAt, span * between(random, 0, 0.5)), change: { type: "PRIORITY_CHANGED", payload: { rush: true } } });
  if (chance(random, ESTIMATE_PUSHED)) {
    const at = later(acceptedAt, span * between(random, 0.3, 0.8));
    const pushed = later(new Date(Math.max(at.getTime(), estimatedReadyAt.getTime())), pick(random, [5, 10, 15]));
    actions.push({ at, change: { type: "ESTIMATE_CHANGED", payload: { estimatedReadyAt: pushed.toISOString() } } });
  }
  // Stable: at equal times the mistaken bump stays before its undo.
  return actions.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The longest prep time of the order's dishes: the estimate when it is accepted (the demo has no busy minutes). */
const prepMinutesOf = (lines: Line[]): number => Math.max(0, ...lines.map((l) => l.dish.prepMinutes));

/**
 * One order's whole plausible life from `placedAt`. `load` (0 quiet … 1 the day's busiest hour)
 * makes the kitchen slower and likelier to reject.
 */
export function simulateOrder(random: Random, crew: Crew, placedAt: Date, load: number): SimulatedOrder {
  const fulfilment: Fulfilment = chance(random, DELIVERY_SHARE) ? "DELIVERY" : "PICKUP";
  const payment: PaymentMethod = chance(random, ONLINE_SHARE[fulfilment]) ? "ONLINE" : "CASH";
  const lines = orderLines(random, crew.menu);
  const order = { placedAt, fulfilment, payment, lines };
  const kitchen = crew.kitchenStaffId;
  const timeline = new Timeline(crew, lines);
  timeline.record(placedAt, { type: "STATUS_CHANGED", payload: { from: null, to: "PLACED" } }, "CUSTOMER", null);

  const fate = random();
  if (fate < CUSTOMER_CANCELS) {
    timeline.move(later(placedAt, between(random, 0.5, 5)), "CANCELLED", "CUSTOMER", null, { code: "CUSTOMER_ASKED" });
    return { ...order, events: timeline.events };
  }
  if (fate < CUSTOMER_CANCELS + REJECTED * (1 + load)) {
    timeline.move(later(placedAt, between(random, 0.5, 4)), "REJECTED", "KITCHEN", kitchen, weighted(random, REJECT_REASONS));
    return { ...order, events: timeline.events };
  }
  const acceptedAt = later(placedAt, between(random, 0.5, 1.5 + 2.5 * load));
  timeline.move(acceptedAt, "ACCEPTED", "KITCHEN", kitchen);
  const actions = kitchenActions(random, lines, acceptedAt, load, later(acceptedAt, prepMinutesOf(lines)));
  // Before the last line is done: a cancel moves an order that is still being made.
  const lastBumpAt = Math.max(...actions.flatMap((a) => ("line" in a ? [a.at.getTime()] : [])));
  const cancelAt = chance(random, KITCHEN_CANCELS) ? later(acceptedAt, between(random, 0.5, (lastBumpAt - acceptedAt.getTime()) / 60_000)) : null;
  for (const action of actions) {
    if (cancelAt && action.at >= cancelAt) break;
    if ("line" in action) timeline.bump(action.at, action.line, action.done);
    else timeline.record(action.at, action.change, "KITCHEN", kitchen);
  }
  if (cancelAt) {
    timeline.move(cancelAt, "CANCELLED", "KITCHEN", kitchen, weighted(random, CANCEL_REASONS));
    return { ...order, events: timeline.events };
  }
  if (crew.usesExpo) timeline.move(later(timeline.lastAt, between(random, 0.2, 1.2)), "READY", "KITCHEN", kitchen);

  if (chance(random, RECALLED)) {
    // Sent back from the pass: one line is made again.
    timeline.move(later(timeline.lastAt, between(random, 1, 5)), "PREPARING", "KITCHEN", kitchen);
    const line = pick(random, lines);
    timeline.bump(later(timeline.lastAt, between(random, 0.2, 1)), line, false);
    timeline.bump(later(timeline.lastAt, Math.max(1, line.dish.prepMinutes * between(random, 0.4, 0.8))), line, true);
    if (crew.usesExpo) timeline.move(later(timeline.lastAt, between(random, 0.3, 1.5)), "READY", "KITCHEN", kitchen);
  }

  const cash = (at: Date, actorRole: ActorRole, actorId: string) => {
    if (payment === "CASH") timeline.record(at, { type: "PAYMENT_RECEIVED", payload: { method: "CASH", amountPaise: totalPaiseOf(lines) } }, actorRole, actorId);
  };
  if (fulfilment === "PICKUP") {
    const collectedAt = later(timeline.lastAt, between(random, 2, 20));
    timeline.move(collectedAt, "COLLECTED", "KITCHEN", kitchen);
    cash(collectedAt, "KITCHEN", kitchen);
    return { ...order, events: timeline.events };
  }
  const courierId = pick(random, crew.courierIds);
  const outAt = later(timeline.lastAt, between(random, 2, 6 + 10 * load));
  timeline.move(outAt, "OUT_FOR_DELIVERY", "DELIVERY", courierId);
  timeline.record(outAt, { type: "COURIER_ASSIGNED", payload: { courierId, previousCourierId: null } }, "DELIVERY", courierId);
  const arrivedAt = later(outAt, between(random, 8, 30));
  if (chance(random, DELIVERY_FAILS)) {
    timeline.move(later(arrivedAt, between(random, 5, 15)), "DELIVERY_FAILED", "DELIVERY", courierId, weighted(random, FAILED_REASONS));
  } else {
    timeline.move(arrivedAt, "DELIVERED", "DELIVERY", courierId);
    cash(arrivedAt, "DELIVERY", courierId);
  }
  return { ...order, events: timeline.events };
}

export const totalPaiseOf = (lines: Line[]): number => lines.reduce((sum, l) => sum + l.dish.pricePaise * l.quantity, 0);

/** The order's columns after `events` (a whole lifecycle, or its start up to now). */
export interface OrderColumns {
  seq: number;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  statusChangedAt: Date;
  recalledAt: Date | null;
  closeReason: CloseReasonDetail["code"] | null;
  closeNote: string | null;
  estimatedReadyAt: Date | null;
  rush: boolean;
  courierId: string | null;
  paidAt: Date | null;
  updatedAt: Date;
  /** Each line's doneAt, by line id. */
  doneAt: Map<string, Date>;
}

/** What web's order changes would have left in the order's row after these events. */
export function columnsAfter(order: Pick<SimulatedOrder, "placedAt" | "payment" | "lines">, events: HistoryEvent[]): OrderColumns {
  const columns: OrderColumns = {
    seq: events.length,
    status: "PLACED",
    previousStatus: null,
    statusChangedAt: order.placedAt,
    recalledAt: null,
    closeReason: null,
    closeNote: null,
    estimatedReadyAt: null,
    rush: false,
    courierId: null,
    paidAt: order.payment === "ONLINE" ? order.placedAt : null,
    updatedAt: events[events.length - 1]!.at,
    doneAt: new Map(),
  };
  for (const { at, change } of events) {
    switch (change.type) {
      case "STATUS_CHANGED": {
        const { from, to, reason } = change.payload;
        Object.assign(columns, { status: to, previousStatus: from, statusChangedAt: at, closeReason: reason?.code ?? null, closeNote: reason?.note ?? null });
        columns.recalledAt = from && isRecall(from, to) ? at : null;
        if (from === "PLACED" && to === "ACCEPTED") columns.estimatedReadyAt = later(at, prepMinutesOf(order.lines));
        break;
      }
      case "ITEM_DONE":
        columns.doneAt.set(change.payload.itemId, at);
        break;
      case "ITEM_UNDONE":
        columns.doneAt.delete(change.payload.itemId);
        break;
      case "PRIORITY_CHANGED":
        columns.rush = change.payload.rush;
        break;
      case "ESTIMATE_CHANGED":
        columns.estimatedReadyAt = change.payload.estimatedReadyAt ? new Date(change.payload.estimatedReadyAt) : null;
        break;
      case "COURIER_ASSIGNED":
        columns.courierId = change.payload.courierId;
        break;
      case "PAYMENT_RECEIVED":
        columns.paidAt = at;
        break;
    }
  }
  return columns;
}
