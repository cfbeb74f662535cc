import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { statusUpdate, ticket, ticketItem } from "../../shared/test/fixtures.ts";
import { stationFigures, withUpdate, type ServiceFigures } from "@/client/service-figures.ts";

const NOW = Date.parse("2026-11-23T13:00:00Z");
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const [curry, tawa] = [randomUUID(), randomUUID()];

describe("a station's figures on the manager's board", () => {
  it("average the minutes from the kitchen getting an order to the station's lines done within the last hour, and count today's recalls of orders it makes", () => {
    // Placed 30 min ago, curry done 10 min ago (20 min), tawa 25 min ago (5 min).
    const first = ticket({ createdAt: minutesAgo(30), items: [ticketItem({ stationId: curry, doneAt: minutesAgo(10) }), ticketItem({ stationId: tawa, doneAt: minutesAgo(25) })] });
    // Placed 50 min ago, curry done 20 min ago (30 min); another curry line not done yet.
    const second = ticket({ createdAt: minutesAgo(50), items: [ticketItem({ stationId: curry, doneAt: minutesAgo(20) }), ticketItem({ stationId: curry })] });
    // Curry done 70 min ago: outside the hour.
    const old = ticket({ createdAt: minutesAgo(100), items: [ticketItem({ stationId: curry, doneAt: minutesAgo(70) })] });
    const tickets = [first, second, old];

    let figures: ServiceFigures = { placedPerSlot: new Map(), readyTimes: new Map(), recalls: [] };
    const ready = statusUpdate({ ...second, seq: 4 }, "PREPARING", "READY", 5);
    const recalled = statusUpdate(ready.ticket, "READY", "PREPARING", 6);
    figures = withUpdate(withUpdate(figures, ready), recalled);

    expect(stationFigures(curry, tickets, figures.recalls, NOW)).toEqual({ doneSeconds: 25 * 60, recalls: 1 });
    expect(stationFigures(tawa, tickets, figures.recalls, NOW)).toEqual({ doneSeconds: 5 * 60, recalls: 0 });
    expect(stationFigures(randomUUID(), tickets, figures.recalls, NOW)).toEqual({ doneSeconds: null, recalls: 0 });
  });
});
