import { randomUUID } from "node:crypto";
import { isRecall, serviceSnapshotSchema, slotStartOf, type OrderStatus } from "@orderly/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as couriers } from "../app/api/restaurants/[slug]/couriers/route.ts";
import { GET as service } from "../app/api/restaurants/[slug]/service/route.ts";
import { serviceSnapshot } from "@/restaurants/service.ts";
import { call, login, place, orderBody, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
const tokens = { admin: "", kitchen: "", courier: "", otherAdmin: "" };

beforeAll(async () => {
  f = await setupWeb("web_service", { RATE_LIMIT_ORDERS_PER_MINUTE: "1000" });
  const slug = f.restaurants[0]!.slug;
  tokens.admin = (await login(slug, "admin")).token;
  tokens.kitchen = (await login(slug, "kitchen")).token;
  tokens.courier = (await login(slug, "courier1")).token;
  tokens.otherAdmin = (await login(f.restaurants[1]!.slug, "admin")).token;
});
afterAll(async () => {
  await f?.close();
});

describe("who may read the service board", () => {
  it("is only for an admin of that restaurant, with the slug checked", async () => {
    const params = { slug: f.restaurants[0]!.slug };
    for (const handler of [service, couriers]) {
      for (const token of [tokens.kitchen, tokens.courier, tokens.otherAdmin]) {
        const refused = await call(handler, { token, params });
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe("FORBIDDEN");
      }
      expect((await call(handler, { params })).status).toBe(401);
      const bad = await call(handler, { token: tokens.admin, params: { slug: "Not A Slug" } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields).toHaveProperty("slug");
      expect((await call(handler, { token: tokens.admin, params: { slug: "nowhere" } })).status).toBe(404);
    }
  });
});

describe("GET /api/restaurants/{slug}/couriers", () => {
  it("lists the restaurant's couriers, disabled ones marked", async () => {
    const r = f.restaurants[0]!;
    await f.prisma.staff.updateMany({ where: { restaurantId: r.id, login: "courier3" }, data: { active: false } });
    const response = await call(couriers, { token: tokens.admin, params: { slug: r.slug } });
    expect(response.status).toBe(200);
    const expected = await f.prisma.staff.findMany({ where: { restaurantId: r.id, role: "DELIVERY" }, orderBy: { displayName: "asc" } });
    expect(response.body.couriers).toEqual(expected.map((s) => ({ id: s.id, name: s.displayName, phone: s.phone, active: s.login !== "courier3" })));
    await f.prisma.staff.updateMany({ where: { restaurantId: r.id, login: "courier3" }, data: { active: true } });
  });
});

describe("GET /api/restaurants/{slug}/service", () => {
  it("answers the live board's snapshot: an order placed now is among the tickets and in its slot", async () => {
    const r = f.restaurants[1]!;
    const adminToken = (await login(r.slug, "admin")).token;
    const placed = (await place(f, orderBody(f, {}, 1))).body.order.ticket;
    const response = await call(service, { token: adminToken, params: { slug: r.slug } });
    expect(response.status).toBe(200);
    const snapshot = serviceSnapshotSchema.parse(response.body);
    expect(snapshot.tickets.map((t) => t.id)).toContain(placed.id);
    expect(snapshot.tickets.every((t) => t.restaurantId === r.id)).toBe(true);
    const slot = slotStartOf(new Date(placed.createdAt)).toISOString();
    expect(snapshot.placedPerSlot.find((s) => s.slotStart === slot)?.count).toBeGreaterThanOrEqual(1);
    expect(snapshot.menu.restaurant.slug).toBe(r.slug);
    expect(snapshot.stations.map((s) => s.name)).toEqual(["Fryer", "Curry", "Biryani", "Tawa", "Drinks & Desserts"]);
    expect(snapshot.couriers).toHaveLength(3);
  });
});

/** One seeded order: its item, when it was created (and scheduled for), and its status moves. */
interface Seeded {
  restaurant: 0 | 1;
  item: string;
  createdAt: string;
  scheduledFor?: string;
  moves: [at: string, from: OrderStatus | null, to: OrderStatus][];
}

const ist = (local: string) => new Date(`${local}+05:30`);
/** 20 minutes into the 10th of March in Kochi: the last hour reaches back into the 9th. */
const NOW = ist("2026-03-10T00:40:00.000");

const SEEDED: Record<string, Seeded> = {
  // Ready before the last hour, collected yesterday: in no figure, not on the board.
  A: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-09T23:20:00", moves: [["2026-03-09T23:20:00", null, "PLACED"], ["2026-03-09T23:22:00", "PLACED", "ACCEPTED"], ["2026-03-09T23:25:00", "ACCEPTED", "PREPARING"], ["2026-03-09T23:35:00", "PREPARING", "READY"], ["2026-03-09T23:50:00", "READY", "COLLECTED"]] },
  // Ready within the last hour (yesterday), recalled yesterday, ready again today and on the way.
  B: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-09T23:41:00", moves: [["2026-03-09T23:41:00", null, "PLACED"], ["2026-03-09T23:42:00", "PLACED", "ACCEPTED"], ["2026-03-09T23:43:00", "ACCEPTED", "PREPARING"], ["2026-03-09T23:50:00", "PREPARING", "READY"], ["2026-03-09T23:58:00", "READY", "PREPARING"], ["2026-03-10T00:05:00", "PREPARING", "READY"], ["2026-03-10T00:10:00", "READY", "OUT_FOR_DELIVERY"]] },
  // Today: ready, recalled, ready again (its first READY counts).
  C: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-10T00:01:00", moves: [["2026-03-10T00:01:00", null, "PLACED"], ["2026-03-10T00:02:00", "PLACED", "ACCEPTED"], ["2026-03-10T00:03:00", "ACCEPTED", "PREPARING"], ["2026-03-10T00:12:00", "PREPARING", "READY"], ["2026-03-10T00:14:00", "READY", "PREPARING"], ["2026-03-10T00:20:00", "PREPARING", "READY"]] },
  // Half a second before local midnight: yesterday's.
  D: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-09T23:59:59.500", moves: [["2026-03-09T23:59:59.500", null, "PLACED"]] },
  // At local midnight exactly: today's; cancelled and recalled back.
  E: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-10T00:00:00.000", moves: [["2026-03-10T00:00:00.000", null, "PLACED"], ["2026-03-10T00:03:00", "PLACED", "CANCELLED"], ["2026-03-10T00:05:00", "CANCELLED", "PLACED"]] },
  F: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-10T00:29:00", moves: [["2026-03-10T00:29:00", null, "PLACED"]] },
  // Scheduled for 00:45 with a 20-minute dish: the kitchen's clock starts at 00:25.
  G: { restaurant: 0, item: "Kerala Fish Curry & Rice", createdAt: "2026-03-10T00:16:00", scheduledFor: "2026-03-10T00:45:00", moves: [["2026-03-10T00:16:00", null, "SCHEDULED"], ["2026-03-10T00:25:00", "SCHEDULED", "PLACED"], ["2026-03-10T00:26:00", "PLACED", "ACCEPTED"], ["2026-03-10T00:27:00", "ACCEPTED", "PREPARING"], ["2026-03-10T00:38:00", "PREPARING", "READY"]] },
  // After NOW: in no figure yet.
  H: { restaurant: 0, item: "Pazham Pori", createdAt: "2026-03-10T00:45:00", moves: [["2026-03-10T00:45:00", null, "PLACED"], ["2026-03-10T00:46:00", "PLACED", "CANCELLED"], ["2026-03-10T00:47:00", "CANCELLED", "PLACED"]] },
  // The other restaurant's: in none of this one's figures.
  I: { restaurant: 1, item: "Pazham Pori", createdAt: "2026-03-10T00:10:00", moves: [["2026-03-10T00:10:00", null, "PLACED"], ["2026-03-10T00:11:00", "PLACED", "ACCEPTED"], ["2026-03-10T00:12:00", "ACCEPTED", "PREPARING"], ["2026-03-10T00:20:00", "PREPARING", "READY"], ["2026-03-10T00:22:00", "READY", "PREPARING"]] },
};

async function seed(name: string, order: Seeded): Promise<string> {
  const r = f.restaurants[order.restaurant]!;
  const item = await f.prisma.menuItem.findFirstOrThrow({ where: { restaurantId: r.id, name: order.item } });
  const [lastAt, , status] = order.moves.at(-1)!;
  const created = await f.prisma.order.create({
    data: {
      code: `SVC-${name}-${order.restaurant}`,
      restaurantId: r.id,
      kitchenId: r.kitchenId,
      fulfilment: "DELIVERY",
      deliveryAddress: "1 Test Road, Kochi",
      customerName: "Seeded",
      customerPhone: "9847012345",
      status,
      totalPaise: item.pricePaise,
      seq: order.moves.length,
      idempotencyKey: randomUUID(),
      requestHash: "seeded",
      slotStart: slotStartOf(ist(order.scheduledFor ?? order.createdAt)),
      scheduledFor: order.scheduledFor ? ist(order.scheduledFor) : null,
      createdAt: ist(order.createdAt),
      statusChangedAt: ist(lastAt),
      previousStatus: order.moves.at(-1)![1],
      items: { create: [{ menuItemId: item.id, name: item.name, unitPricePaise: item.pricePaise, quantity: 1, stationId: item.stationId }] },
      events: {
        create: order.moves.map(([at, from, to], i) => ({
          seq: i + 1,
          type: "STATUS_CHANGED" as const,
          payload: { from, to },
          actorRole: from === null ? ("CUSTOMER" as const) : ("KITCHEN" as const),
          createdAt: ist(at),
          publishedAt: ist(at),
        })),
      },
    },
  });
  return created.id;
}

describe("the service snapshot's figures", () => {
  it("match an independent count of the seeded orders and events, in Kochi's day", async () => {
    const ids = new Map<string, string>();
    for (const [name, order] of Object.entries(SEEDED)) ids.set(name, await seed(name, order));
    const r = f.restaurants[0]!;
    const mine = Object.entries(SEEDED).filter(([, o]) => o.restaurant === 0);

    // Independently: the day starts at 00:00 in Kochi (UTC+05:30, no daylight saving).
    const dayStart = ist("2026-03-10T00:00:00.000").getTime();
    const readySince = Math.min(dayStart, NOW.getTime() - 3600_000);
    const inRange = (at: number, from: number) => at >= from && at <= NOW.getTime();
    const slots = new Map<string, number>();
    for (const [, o] of mine) {
      const at = ist(o.createdAt).getTime();
      if (!inRange(at, dayStart)) continue;
      const slot = new Date(dayStart + Math.floor((at - dayStart) / 900_000) * 900_000).toISOString();
      slots.set(slot, (slots.get(slot) ?? 0) + 1);
    }
    const readyTimes = mine
      .map(([name, o]) => {
        const firstReady = o.moves.find(([, , to]) => to === "READY");
        const prep = o.item === "Kerala Fish Curry & Rice" ? 20 : 8;
        const startedAt = o.scheduledFor ? ist(o.scheduledFor).getTime() - prep * 60_000 : ist(o.createdAt).getTime();
        return firstReady && { orderId: ids.get(name)!, startedAt: new Date(startedAt).toISOString(), readyAt: ist(firstReady[0]).toISOString() };
      })
      .filter((t) => t !== undefined && inRange(Date.parse(t.readyAt), readySince))
      .sort((a, b) => Date.parse(a!.readyAt) - Date.parse(b!.readyAt));
    const recalls = mine
      .flatMap(([name, o]) => o.moves.map(([at, from, to], i) => ({ orderId: ids.get(name)!, seq: i + 1, from, to, at: ist(at).toISOString() })))
      .filter((m) => m.from !== null && isRecall(m.from, m.to) && inRange(Date.parse(m.at), dayStart))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

    const snapshot = serviceSnapshotSchema.parse(JSON.parse(JSON.stringify(await serviceSnapshot(await f.prisma.restaurant.findUniqueOrThrow({ where: { id: r.id } }), NOW))));
    expect(snapshot.dayStart).toBe(new Date(dayStart).toISOString());
    expect(snapshot.readySince).toBe(new Date(readySince).toISOString());
    expect(snapshot.placedPerSlot).toEqual([...slots].map(([slotStart, count]) => ({ slotStart, count })));
    expect(snapshot.readyTimes).toEqual(readyTimes);
    expect(snapshot.recalls).toEqual(recalls);

    // And by hand, what the calculation above must come to.
    expect(snapshot.placedPerSlot).toEqual([
      { slotStart: ist("2026-03-10T00:00:00.000").toISOString(), count: 2 },
      { slotStart: ist("2026-03-10T00:15:00.000").toISOString(), count: 2 },
    ]);
    expect(snapshot.readyTimes.map((t) => [t.orderId, (Date.parse(t.readyAt) - Date.parse(t.startedAt)) / 60_000])).toEqual([
      [ids.get("B"), 9],
      [ids.get("C"), 11],
      [ids.get("G"), 13],
    ]);
    expect(snapshot.recalls.map((m) => [m.orderId, m.from, m.to])).toEqual([
      [ids.get("E"), "CANCELLED", "PLACED"],
      [ids.get("C"), "READY", "PREPARING"],
    ]);
    // The board's tickets: active ones, and those moved today; never another restaurant's.
    const onBoard = snapshot.tickets.map((t) => t.id);
    for (const name of ["B", "C", "D", "E", "F", "G", "H"]) expect(onBoard).toContain(ids.get(name));
    expect(onBoard).not.toContain(ids.get("A"));
    expect(onBoard).not.toContain(ids.get("I"));
  });
});
