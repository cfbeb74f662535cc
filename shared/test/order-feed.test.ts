import { describe, expect, it } from "vitest";
import { OrderFeed } from "../src/client/index.ts";
import type { OrderUpdate, Ticket } from "../src/index.ts";

const ORDER = "00000000-0000-4000-8000-000000000001";
const at = "2026-11-23T10:00:00.000Z";
const ticket = (seq: number, status: Ticket["status"] = "PLACED"): Ticket => ({
  id: ORDER,
  code: "AB12C",
  restaurantId: "00000000-0000-4000-8000-000000000002",
  kitchenId: "00000000-0000-4000-8000-000000000003",
  fulfilment: "DELIVERY",
  status,
  seq,
  customerName: "Anu",
  customerPhone: "9847012345",
  deliveryAddress: "Broadway",
  totalPaise: 100,
  prepMinutes: 10,
  courierId: null,
  createdAt: at,
  estimatedReadyAt: null,
  items: [{ menuItemId: "00000000-0000-4000-8000-000000000004", name: "Appam", quantity: 1, unitPricePaise: 100, notes: null }],
});
const update = (seq: number, status: Ticket["status"], ticketSeq = seq): OrderUpdate => ({
  event: { id: `00000000-0000-4000-8000-0000000001${String(seq).padStart(2, "0")}`, orderId: ORDER, seq, fromStatus: null, toStatus: status, actorRole: "KITCHEN", at },
  ticket: ticket(ticketSeq, status),
});

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
