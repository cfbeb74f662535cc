import { isRecall, slotStartOf, type OrderUpdate, type ReadyTime, type Recall, type ServiceSnapshot, type Ticket } from "@orderly/shared";
import { kitchenStart } from "./ticket-timing.ts";

const HOUR_MS = 3600_000;

/** Today's figures of the manager's board: read from the snapshot, then moved on by each applied update. */
export interface ServiceFigures {
  /** Orders placed per 15-minute slot start (ms). */
  placedPerSlot: ReadonlyMap<number, number>;
  /** Each order's first READY, by order id. */
  readyTimes: ReadonlyMap<string, ReadyTime>;
  recalls: readonly Recall[];
}

export function figuresOf(snapshot: ServiceSnapshot): ServiceFigures {
  return {
    placedPerSlot: new Map(snapshot.placedPerSlot.map((s) => [Date.parse(s.slotStart), s.count])),
    readyTimes: new Map(snapshot.readyTimes.map((t) => [t.orderId, t])),
    recalls: snapshot.recalls,
  };
}

/** The figures after one applied order update: a placed order counts in its slot, a first READY adds its time, a move back counts a recall. */
export function withUpdate(figures: ServiceFigures, { event, ticket }: OrderUpdate): ServiceFigures {
  if (event.type !== "STATUS_CHANGED") return figures;
  const { from, to } = event.payload;
  if (from === null) {
    const slot = slotStartOf(new Date(event.at)).getTime();
    return { ...figures, placedPerSlot: new Map(figures.placedPerSlot).set(slot, (figures.placedPerSlot.get(slot) ?? 0) + 1) };
  }
  if (to === "READY" && !figures.readyTimes.has(ticket.id)) {
    const time = { orderId: ticket.id, startedAt: new Date(kitchenStart(ticket)).toISOString(), readyAt: event.at };
    return { ...figures, readyTimes: new Map(figures.readyTimes).set(ticket.id, time) };
  }
  if (isRecall(from, to)) return { ...figures, recalls: [...figures.recalls, { orderId: ticket.id, seq: event.seq, from, to, at: event.at }] };
  return figures;
}

/** The average placed → ready, in seconds, of orders first ready within the hour before `now`; null when none. */
export function averageReadySeconds(figures: ServiceFigures, now: number): { seconds: number; orders: number } | null {
  const recent = [...figures.readyTimes.values()].filter((t) => now - Date.parse(t.readyAt) <= HOUR_MS);
  if (recent.length === 0) return null;
  const total = recent.reduce((sum, t) => sum + (Date.parse(t.readyAt) - Date.parse(t.startedAt)) / 1000, 0);
  return { seconds: Math.round(total / recent.length), orders: recent.length };
}

export interface StationFigures {
  /** Average seconds from the kitchen getting an order to this station's line done, over lines done within the last hour. */
  doneSeconds: number | null;
  /** Today's recalls of orders with a line made at this station. */
  recalls: number;
}

/** Each station's last-hour pace and today's recalls, from the board's tickets (today's are all there) and today's recalls. */
export function stationFigures(stationId: string, tickets: readonly Ticket[], recalls: readonly Recall[], now: number): StationFigures {
  const times = tickets.flatMap((t) =>
    t.items.filter((i) => i.stationId === stationId && i.doneAt && now - Date.parse(i.doneAt) <= HOUR_MS).map((i) => (Date.parse(i.doneAt!) - kitchenStart(t)) / 1000),
  );
  const makes = new Set(tickets.filter((t) => t.items.some((i) => i.stationId === stationId)).map((t) => t.id));
  return {
    doneSeconds: times.length === 0 ? null : Math.round(times.reduce((sum, s) => sum + s, 0) / times.length),
    recalls: recalls.filter((r) => makes.has(r.orderId)).length,
  };
}
