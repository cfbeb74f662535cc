import { describe, expect, it } from "vitest";
import { OrderFeed } from "../src/client/index.ts";
import type { OrderUpdate, Ticket } from "../src/index.ts";
import { statusUpdate, ticket as fixtureTicket } from "./fixtures.ts";

const order = fixtureTicket();
const ORDER = order.id;
const ticket = (seq: number, status: Ticket["status"] = "PLACED"): Ticket => ({ ...order, seq, status });
const update = (seq: number, status: Ticket["status"], ticketSeq = seq): OrderUpdate => {
  const { event } = statusUpdate(order, null, status, seq);
  return { event, ticket: ticket(ticketSeq, status) };
};

describe("OrderFeed", () => {
  it("applies the next seq, ignores duplicates, reports gaps", () => {
    const feed = new OrderFeed();
    feed.reset({ tickets: [ticket(1)], timelines: { [ORDER]: [update(1, "PLACED").event] } });
    expect(feed.apply(update(2, "ACCEPTED"))).toBe("applied");
    expect(feed.apply(update(2, "ACCEPTED"))).toBe("duplicate");
    expect(feed.apply(update(1, "PLACED"))).toBe("duplicate");
    expect(feed.apply(update(4, "READY"))).toBe("gap");
    expect(feed.ticket(ORDER)!.status).toBe("ACCEPTED");
    expect(feed.timeline(ORDER)!.map((e) => e.seq)).toEqual([1, 2]);
    expect(feed.counts).toEqual({ applied: 1, duplicate: 2, gap: 1 });
  });

  it("takes an order it has not seen as it comes", () => {
    const feed = new OrderFeed();
    expect(feed.apply(update(4, "READY"))).toBe("applied");
    expect(feed.apply(update(5, "OUT_FOR_DELIVERY"))).toBe("applied");
    expect(feed.seqOf(ORDER)).toBe(5);
  });

  it("keeps the newest ticket when an older event carries a newer order", () => {
    const feed = new OrderFeed();
    feed.reset({ tickets: [ticket(1)] });
    feed.apply(update(2, "ACCEPTED", 3));
    expect(feed.apply(update(3, "PREPARING"))).toBe("applied");
    expect(feed.ticket(ORDER)!.seq).toBe(3);
  });

  it("forgets orders a new snapshot no longer has", () => {
    const feed = new OrderFeed();
    feed.apply(update(1, "PLACED"));
    feed.reset({ tickets: [] });
    expect(feed.list).toEqual([]);
  });
});
