import { CLOSE_REASONS_FOR, SYSTEM_MOVES, canTransition, isClosingStatus, orderEventSchema, slotStartOf, type OrderEvent, type Role } from "@orderly/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/client.ts";
import { createPrismaClient } from "../src/client.ts";
import { seedHistory } from "../src/history.ts";
import { seededRandom } from "../src/random.ts";
import { DEMO_PASSWORD, seedIfEmpty } from "../src/seed.ts";
import { createTestDatabase, type TestDatabase } from "../src/test-database.ts";

// A Wednesday, 15:30 in Kochi: today's lunch is history, today's dinner is not.
const NOW = new Date("2025-06-18T10:00:00Z");
const DAYS = 14;

let db: TestDatabase;
let prisma: PrismaClient;
let first: Awaited<ReturnType<typeof seedHistory>>;
let orders: Awaited<ReturnType<typeof loadOrders>>;

const loadOrders = (client: PrismaClient) =>
  client.order.findMany({
    orderBy: { code: "asc" },
    include: { items: { include: { menuItem: true } }, events: { orderBy: { seq: "asc" } }, restaurant: { include: { staff: true } } },
  });

const kochi = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", ...options });
const [hourInKochi, dateInKochi, weekdayInKochi] = [kochi({ hour: "numeric", hourCycle: "h23" }), kochi({ dateStyle: "short" }), kochi({ weekday: "short" })];
const localHour = (at: Date) => Number(hourInKochi.format(at));
const localDate = (at: Date) => dateInKochi.format(at);
const localWeekday = (at: Date) => weekdayInKochi.format(at);

type Order = (typeof orders)[number];
const parsed = (order: Order): OrderEvent[] =>
  order.events.map((e) =>
    orderEventSchema.parse({ id: e.id, orderId: e.orderId, seq: e.seq, type: e.type, actorRole: e.actorRole, at: e.createdAt.toISOString(), payload: e.payload }),
  );
const statusMoves = (order: Order) => parsed(order).flatMap((e) => (e.type === "STATUS_CHANGED" ? [e] : []));
const share = (part: number, whole: number) => part / whole;

beforeAll(async () => {
  db = await createTestDatabase("history");
  prisma = createPrismaClient(db.url, { maxConnections: 4 });
  await seedIfEmpty(prisma, DEMO_PASSWORD);
  const started = performance.now();
  first = await seedHistory(prisma, { days: DAYS, now: NOW, random: seededRandom(42) });
  console.log(`history: ${DAYS} days, ${first.orders} orders, ${first.events} events in ${Math.round(performance.now() - started)} ms`);
  orders = await loadOrders(prisma);
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("seedHistory", () => {
  it("writes every order of both demo restaurants, each event valid and published", () => {
    expect(first.orders).toBe(orders.length);
    expect(first.events).toBe(orders.reduce((n, o) => n + o.events.length, 0));
    expect(new Set(orders.map((o) => o.restaurant.slug))).toEqual(new Set(["fort-kochi", "edappally"]));
    for (const order of orders) {
      parsed(order);
      expect(order.events.every((e) => e.publishedAt !== null)).toBe(true);
    }
  });

  it("numbers each order's events 1..n with Order.seq n, in time order, all before now", () => {
    for (const order of orders) {
      expect(order.events.map((e) => e.seq)).toEqual(order.events.map((_, i) => i + 1));
      expect(order.seq).toBe(order.events.length);
      const times = order.events.map((e) => e.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((t) => t < NOW.getTime())).toBe(true);
      expect(order.createdAt).toEqual(order.events[0]!.createdAt);
      expect(order.slotStart).toEqual(slotStartOf(order.createdAt));
    }
  });

  it("moves each order only as the state machine lets its actor, the right staff acting", () => {
    for (const order of orders) {
      const kitchenLogin = order.restaurant.staff.find((s) => s.login === "kitchen")!.id;
      const couriers = order.restaurant.staff.filter((s) => s.role === "DELIVERY").map((s) => s.id);
      let status: string | null = null;
      for (const [i, e] of order.events.entries()) {
        const event = parsed(order)[i]!;
        if (e.actorRole === "KITCHEN" || e.actorRole === "STATION") expect(e.actorId).toBe(kitchenLogin);
        if (e.actorRole === "DELIVERY") expect(couriers).toContain(e.actorId);
        if (e.actorRole === "CUSTOMER" || e.actorRole === "SYSTEM") expect(e.actorId).toBeNull();
        if (event.type === "ITEM_DONE" || event.type === "ITEM_UNDONE") {
          expect(e.actorRole).toBe("STATION");
          expect(["ACCEPTED", "PREPARING"]).toContain(status);
          expect(order.items.find((item) => item.id === event.payload.itemId)!.stationId).toBe(event.payload.stationId);
        }
        if (event.type !== "STATUS_CHANGED") continue;
        const { from, to, reason } = event.payload;
        expect(from).toBe(status);
        if (from === null) expect(to).toBe("PLACED");
        else if (e.actorRole === "SYSTEM") expect(Object.values(SYSTEM_MOVES)).toContainEqual({ from, to });
        else expect(canTransition(e.actorRole.toLowerCase() as Role, from, to, order.fulfilment)).toBe(true);
        if (isClosingStatus(to)) expect(CLOSE_REASONS_FOR[to] as readonly string[]).toContain(reason?.code);
        else expect(reason).toBeUndefined();
        status = to;
      }
    }
  });

  it("leaves each order's columns as its last events say", () => {
    for (const order of orders) {
      const events = parsed(order);
      const last = statusMoves(order).at(-1)!;
      expect(order.status).toBe(last.payload.to);
      expect(order.previousStatus).toBe(last.payload.from);
      expect(order.statusChangedAt.toISOString()).toBe(last.at);
      expect(order.closeReason).toBe(last.payload.reason?.code ?? null);
      expect(order.closeNote).toBe(last.payload.reason?.note ?? null);
      expect(order.recalledAt?.toISOString() ?? null).toBe(last.payload.from === "READY" && last.payload.to === "PREPARING" ? last.at : null);
      const assigned = events.filter((e) => e.type === "COURIER_ASSIGNED").at(-1);
      expect(order.courierId).toBe(assigned?.payload.courierId ?? null);
      expect(order.rush).toBe(events.filter((e) => e.type === "PRIORITY_CHANGED").at(-1)?.payload.rush ?? false);
      const estimate = events.filter((e) => e.type === "ESTIMATE_CHANGED").at(-1);
      if (estimate) expect(order.estimatedReadyAt?.toISOString()).toBe(estimate.payload.estimatedReadyAt);
      if (statusMoves(order).some((e) => e.payload.to === "ACCEPTED")) expect(order.estimatedReadyAt).not.toBeNull();
      const cash = events.find((e) => e.type === "PAYMENT_RECEIVED");
      if (order.paymentMethod === "ONLINE") expect(order.paidAt).toEqual(order.createdAt);
      else expect(order.paidAt?.toISOString() ?? null).toBe(cash?.at ?? null);
      if (cash) expect(cash.payload).toEqual({ method: "CASH", amountPaise: order.totalPaise });
      expect(order.deliveryPin).toEqual(order.fulfilment === "DELIVERY" ? expect.stringMatching(/^[0-9]{4}$/) : null);
      for (const item of order.items) {
        const bump = events.filter((e) => (e.type === "ITEM_DONE" || e.type === "ITEM_UNDONE") && e.payload.itemId === item.id).at(-1);
        expect(item.doneAt?.toISOString() ?? null).toBe(bump?.type === "ITEM_DONE" ? bump.at : null);
      }
    }
  });

  it("orders 1-4 lines of the real menu at its prices, 1-3 of each", () => {
    for (const order of orders) {
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      expect(order.items.length).toBeLessThanOrEqual(4);
      for (const item of order.items) {
        expect(item.unitPricePaise).toBe(item.menuItem.pricePaise);
        expect(item.name).toBe(item.menuItem.name);
        expect(item.stationId).toBe(item.menuItem.stationId);
        expect([1, 2, 3]).toContain(item.quantity);
      }
      expect(order.totalPaise).toBe(order.items.reduce((sum, i) => sum + i.unitPricePaise * i.quantity, 0));
    }
    const lines = orders.flatMap((o) => o.items);
    expect(lines.some((l) => l.notes)).toBe(true);
    expect(lines.some((l) => l.allergens.length > 0)).toBe(true);
    expect(new Set(orders.map((o) => o.code)).size).toBe(orders.length);
  });

  it("peaks at lunch and dinner, quiet mid-afternoon, busier Friday to Sunday", () => {
    const inHours = (from: number, to: number) => orders.filter((o) => localHour(o.createdAt) >= from && localHour(o.createdAt) < to).length;
    const afternoon = inHours(15, 18);
    console.log(`orders by local hours: 12-15 ${inHours(12, 15)}, 15-18 ${afternoon}, 19-23 ${inHours(19, 23)}`);
    expect(inHours(12, 15)).toBeGreaterThan(2 * afternoon);
    expect(inHours(19, 23)).toBeGreaterThan(2 * afternoon);

    const pastDays = orders.filter((o) => localDate(o.createdAt) !== localDate(NOW));
    const perDay = (weekdays: string[]) => {
      const these = pastDays.filter((o) => weekdays.includes(localWeekday(o.createdAt)));
      return these.length / new Set(these.map((o) => localDate(o.createdAt))).size;
    };
    expect(perDay(["Fri", "Sat", "Sun"])).toBeGreaterThan(perDay(["Mon", "Tue", "Wed", "Thu"]));
    expect(new Set(pastDays.map((o) => localDate(o.createdAt))).size).toBe(DAYS);
  });

  it("has a plausible mix of fulfilment, payment, cancellations, recalls, failures and kitchen changes", () => {
    const deliveries = orders.filter((o) => o.fulfilment === "DELIVERY");
    const moved = (from: string, to: string) => orders.filter((o) => statusMoves(o).some((e) => e.payload.from === from && e.payload.to === to)).length;
    const closed = orders.filter((o) => o.status === "CANCELLED" || o.status === "REJECTED").length;
    const withEvent = (type: string) => orders.filter((o) => o.events.some((e) => e.type === type)).length;
    const readyAt = (o: Order) => statusMoves(o).find((e) => e.payload.to === "READY")?.at;
    const late = orders.filter((o) => readyAt(o) && o.estimatedReadyAt && new Date(readyAt(o)!) > o.estimatedReadyAt).length;
    const mix = {
      delivery: share(deliveries.length, orders.length),
      online: share(orders.filter((o) => o.paymentMethod === "ONLINE").length, orders.length),
      cancelledOrRejected: share(closed, orders.length),
      recalled: share(moved("READY", "PREPARING"), orders.length),
      failed: share(deliveries.filter((o) => o.status === "DELIVERY_FAILED").length, deliveries.length),
      late: share(late, orders.filter(readyAt).length),
      undone: share(withEvent("ITEM_UNDONE"), orders.length),
      rushed: share(withEvent("PRIORITY_CHANGED"), orders.length),
      estimatePushed: share(withEvent("ESTIMATE_CHANGED"), orders.length),
    };
    console.log("mix", Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, `${(v * 100).toFixed(1)}%`])));
    // Plausible bounds for each share (exclusive).
    const bounds: Record<keyof typeof mix, [number, number]> = {
      delivery: [0.5, 0.7],
      online: [0.3, 0.7],
      cancelledOrRejected: [0.02, 0.09],
      recalled: [0.01, 0.06],
      failed: [0.005, 0.05],
      late: [0.03, 0.35],
      undone: [0.005, 0.15],
      rushed: [0.005, 0.15],
      estimatePushed: [0.005, 0.15],
    };
    for (const [name, [low, high]] of Object.entries(bounds) as [keyof typeof mix, [number, number]][]) {
      expect(mix[name], name).toBeGreaterThan(low);
      expect(mix[name], name).toBeLessThan(high);
    }
    for (const status of ["DELIVERED", "COLLECTED", "CANCELLED", "REJECTED", "DELIVERY_FAILED"] as const) {
      expect(orders.some((o) => o.status === status)).toBe(true);
    }
  });

  it("includes today's orders until now, some still open for the live board", () => {
    const today = orders.filter((o) => localDate(o.createdAt) === localDate(NOW));
    expect(today.length).toBeGreaterThan(10);
    expect(today.some((o) => !["DELIVERED", "COLLECTED", "CANCELLED", "REJECTED", "DELIVERY_FAILED"].includes(o.status))).toBe(true);
  });

  it("adds nothing when run again, saying which days it left alone", async () => {
    const again = await seedHistory(prisma, { days: DAYS, now: NOW, random: seededRandom(42) });
    expect(again.orders).toBe(0);
    expect(again.events).toBe(0);
    expect(again.skipped).toHaveLength(2 * (DAYS + 1));
    expect(await prisma.order.count()).toBe(orders.length);
  });

  it("refuses more than 90 days, and a database without the demo seed", async () => {
    await expect(seedHistory(prisma, { days: 91, now: NOW })).rejects.toThrow(/1 to 90/);
    const empty = await createTestDatabase("history_empty");
    const client = createPrismaClient(empty.url, { maxConnections: 1 });
    try {
      await expect(seedHistory(client, { days: 1, now: NOW })).rejects.toThrow(/seed the demo chain first/);
    } finally {
      await client.$disconnect();
      await empty.drop();
    }
  });

  it("makes the same history from the same seed", async () => {
    const summary = (all: Order[]) =>
      all.map((o) => [o.code, o.status, o.totalPaise, o.createdAt.toISOString(), o.customerName, o.events.map((e) => `${e.type}@${e.createdAt.toISOString()}`)]);
    const twice = await createTestDatabase("history_twice");
    const client = createPrismaClient(twice.url, { maxConnections: 2 });
    try {
      await seedIfEmpty(client, DEMO_PASSWORD);
      await seedHistory(client, { days: 2, now: NOW, random: seededRandom(7) });
      const before = summary(await loadOrders(client));
      await client.order.deleteMany();
      await seedHistory(client, { days: 2, now: NOW, random: seededRandom(7) });
      expect(summary(await loadOrders(client))).toEqual(before);
    } finally {
      await client.$disconnect();
      await twice.drop();
    }
  });
});
