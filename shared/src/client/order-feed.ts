import type { CourierPosition } from "../delivery.schema.ts";
import type { OrderEvent } from "../order-event.schema.ts";
import type { Ticket } from "../order.schema.ts";
import type { OrderUpdate } from "../realtime-events.ts";
import type { Menu } from "../restaurant.schema.ts";

export type ApplyResult = "applied" | "duplicate" | "gap";

export interface FeedSnapshot {
  tickets: Ticket[];
  /** Timelines by order id, for screens that show them. */
  timelines?: Record<string, OrderEvent[]>;
  /** The restaurant's menu, for screens that show it live. */
  menu?: Menu;
  /** Couriers' last positions, for screens that show them on a map. */
  positions?: CourierPosition[];
}

/**
 * The orders a screen shows, kept exactly once and in order from pushed updates. Each order
 * remembers the seq of the last event applied: an older or equal seq is a duplicate and ignored,
 * the next seq is applied, anything beyond is a gap and the screen must re-read its snapshot.
 * An order not seen before is taken as it comes (a courier first hears of an order when it is ready).
 */
export class OrderFeed {
  private tickets = new Map<string, Ticket>();
  private lastSeq = new Map<string, number>();
  private timelines = new Map<string, OrderEvent[]>();
  readonly counts = { applied: 0, duplicate: 0, gap: 0 };

  reset(snapshot: FeedSnapshot): void {
    this.tickets = new Map(snapshot.tickets.map((t) => [t.id, t]));
    this.lastSeq = new Map(snapshot.tickets.map((t) => [t.id, t.seq]));
    this.timelines = new Map(Object.entries(snapshot.timelines ?? {}));
  }

  apply({ event, ticket }: OrderUpdate): ApplyResult {
    const last = this.lastSeq.get(event.orderId);
    const result: ApplyResult = last === undefined || event.seq === last + 1 ? "applied" : event.seq <= last ? "duplicate" : "gap";
    this.counts[result]++;
    if (result !== "applied") return result;
    this.lastSeq.set(event.orderId, event.seq);
    const known = this.tickets.get(event.orderId);
    // The ticket travels with the event as it stood when published, which may be newer than the event.
    if (!known || ticket.seq >= known.seq) this.tickets.set(event.orderId, ticket);
    const timeline = this.timelines.get(event.orderId);
    if (timeline) this.timelines.set(event.orderId, [...timeline, event]);
    return result;
  }

  get list(): Ticket[] {
    return [...this.tickets.values()];
  }

  ticket(orderId: string): Ticket | undefined {
    return this.tickets.get(orderId);
  }

  timeline(orderId: string): OrderEvent[] | undefined {
    return this.timelines.get(orderId);
  }

  seqOf(orderId: string): number | undefined {
    return this.lastSeq.get(orderId);
  }
}
