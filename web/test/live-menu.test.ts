import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { slotStartOf, type Menu } from "@orderly/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as kitchenOrders } from "../app/api/kitchens/[id]/orders/route.ts";
import { GET as orderRead } from "../app/api/orders/[id]/route.ts";
import { POST as guestToken } from "../app/api/restaurants/[slug]/guest-token/route.ts";
import { PATCH as itemPatch } from "../app/api/restaurants/[slug]/menu/[itemId]/route.ts";
import { GET as menuRead } from "../app/api/restaurants/[slug]/menu/route.ts";
import { PATCH as orderingPatch } from "../app/api/restaurants/[slug]/ordering/route.ts";
import { runDueChanges } from "@/scheduler.ts";
import { morningZone } from "../../shared/test/fixtures.ts";
import { INTERNAL_SECRET, JWT_SECRET, call, history, login, move, orderBody, place, setupWeb, type Fixture } from "./helpers.ts";

const run = promisify(execFile);
const WEB = join(import.meta.dirname, "..");

let f: Fixture;
/** Per restaurant (0 fort-kochi, 1 edappally). */
let staff: { kitchen: string; admin: string; courier: string }[];

beforeAll(async () => {
  f = await setupWeb("web_live_menu", { RATE_LIMIT_ORDERS_PER_MINUTE: "10000", RATE_LIMIT_LOGINS_PER_MINUTE: "10000", RATE_LIMIT_GUEST_TOKENS_PER_MINUTE: "3" });
  staff = [];
  for (const r of f.restaurants) {
    staff.push({ kitchen: (await login(r.slug, "kitchen")).token, admin: (await login(r.slug, "admin")).token, courier: (await login(r.slug, "courier1")).token });
  }
});
afterAll(async () => {
  await f?.close();
});

const slug = (restaurant: 0 | 1) => f.restaurants[restaurant]!.slug;
const menuOf = async (restaurant: 0 | 1): Promise<Menu> => (await call(menuRead, { params: { slug: slug(restaurant) } })).body;
const patchItem = (token: string | undefined, restaurant: 0 | 1, itemId: string, body: unknown) =>
  call(itemPatch, { method: "PATCH", token, params: { slug: slug(restaurant), itemId }, body });
const patchOrdering = (token: string | undefined, restaurant: 0 | 1, body: unknown) =>
  call(orderingPatch, { method: "PATCH", token, params: { slug: slug(restaurant) }, body });
const itemIn = (menu: Menu, id: string) => menu.categories.flatMap((c) => c.items).find((i) => i.id === id)!;
const restaurantEvents = (restaurant: 0 | 1) =>
  f.prisma.restaurantEvent.findMany({ where: { restaurantId: f.restaurants[restaurant]!.id }, orderBy: { seq: "asc" } });

/** The first two available items of a restaurant, as orderBody orders them. */
const ordered = (restaurant: 0 | 1) => f.restaurants[restaurant]!.menu.filter((m) => m.available).slice(0, 2);

describe("the menu", () => {
  it("lists categories and items in their sort order, with whether it takes orders", async () => {
    const menu = await menuOf(0);
    expect(menu.categories.map((c) => c.name)).toEqual(["Starters", "Mains", "Breads", "Desserts", "Drinks"]);
    expect(menu.categories[0]!.items.map((i) => i.name)).toEqual(["Pazham Pori", "Chicken 65", "Gobi Manchurian", "Banana Chips"]);
    expect(menu.ordering).toMatchObject({ paused: false, open: true, capped: false, orderCap: null, extraPrepMinutes: 0 });
    expect(menu.restaurant.timeZone).toBe("Asia/Kolkata");
  });
});

describe("sold out", () => {
  it("is for kitchen and admin of that restaurant only", async () => {
    const [item] = ordered(0);
    const customer = (await place(f)).body.customerToken;
    const guest = (await call(guestToken, { method: "POST", params: { slug: slug(0) } })).body.token;
    expect((await patchItem(undefined, 0, item!.id, { available: false })).status).toBe(401);
    for (const token of [staff[0]!.courier, customer, guest]) expect((await patchItem(token, 0, item!.id, { available: false })).status).toBe(403);
    expect((await patchItem(staff[1]!.kitchen, 0, item!.id, { available: false })).status).toBe(403);
    expect(itemIn(await menuOf(0), item!.id).available).toBe(true);
    expect(await restaurantEvents(0)).toEqual([]);
  });

  it("refuses bad input naming the field", async () => {
    const [item] = ordered(0);
    const kitchen = staff[0]!.kitchen;
    const unknown = await patchItem(kitchen, 0, randomUUID(), { available: false });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", fields: { itemId: "is not on this restaurant's menu" } } } });
    const otherRestaurants = await patchItem(kitchen, 0, ordered(1)[0]!.id, { available: false });
    expect(otherRestaurants.status).toBe(404);
    const past = await patchItem(kitchen, 0, item!.id, { available: false, until: new Date(Date.now() - 60_000).toISOString() });
    expect(past).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED", fields: { until: "must be in the future" } } } });
    expect((await patchItem(kitchen, 0, item!.id, { available: true, until: "END_OF_DAY" })).body.error.fields).toHaveProperty("until");
    expect((await patchItem(kitchen, 0, item!.id, { available: false, until: "tomorrow" })).body.error.fields).toHaveProperty("until");
    expect((await patchItem(kitchen, 0, item!.id, { available: "no" })).body.error.fields).toHaveProperty("available");
    expect((await patchItem(kitchen, 0, "not-an-id", { available: false })).body.error.fields).toHaveProperty("itemId");
    expect(await restaurantEvents(0)).toEqual([]);
  });

  it("greys the item out, refuses new orders of it naming it, keeps placed orders whole, and comes back when restored", async () => {
    const [item] = ordered(0);
    const placedBefore = (await place(f)).body.order.ticket;
    const soldOut = await patchItem(staff[0]!.kitchen, 0, item!.id, { available: false });
    expect(soldOut.status).toBe(200);
    expect(itemIn(soldOut.body, item!.id)).toMatchObject({ available: false, soldOutUntil: null });
    expect(itemIn(await menuOf(0), item!.id).available).toBe(false);

    const refused = await place(f);
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "UNAVAILABLE_ITEMS", fields: { "items.0.menuItemId": `${item!.name} is sold out` } } } });
    const kept = await call(orderRead, { token: staff[0]!.kitchen, params: { id: placedBefore.id } });
    expect(kept.body.ticket.items.map((i: { menuItemId: string }) => i.menuItemId)).toContain(item!.id);

    // The same state again is no change and no event.
    await patchItem(staff[0]!.admin, 0, item!.id, { available: false });
    expect((await patchItem(staff[0]!.admin, 0, item!.id, { available: true })).status).toBe(200);
    expect((await place(f)).status).toBe(201);
    const events = await restaurantEvents(0);
    expect(events.map((e) => [e.seq, e.type, (e.payload as { available: boolean }).available, e.actorRole])).toEqual([
      [1, "ITEM_AVAILABILITY", false, "KITCHEN"],
      [2, "ITEM_AVAILABILITY", true, "ADMIN"],
    ]);
    expect((await menuOf(0)).seq).toBe(2);
  });

  it("never refuses a retry whose first attempt was placed, when the item sells out between them", async () => {
    const [item] = ordered(0);
    for (let round = 0; round < 12; round++) {
      const key = randomUUID();
      const [first, retry] = await Promise.all([place(f, orderBody(f), key), place(f, orderBody(f), key), patchItem(staff[0]!.kitchen, 0, item!.id, { available: false })]);
      const statuses = [first.status, retry.status].sort();
      if (statuses.includes(422)) expect(statuses, `round ${round}`).toEqual([422, 422]);
      else expect(retry.body.order.ticket.id).toBe(first.body.order.ticket.id);
      expect(await f.prisma.order.count({ where: { idempotencyKey: key } })).toBe(statuses.includes(422) ? 0 : 1);
      await patchItem(staff[0]!.kitchen, 0, item!.id, { available: true });
    }
  });

  it("lasts until the end of the restaurant's day, or a time, and then comes back by itself exactly once", async () => {
    // The item sold out for a minute must come back before the end of the day: in Kochi's last two
    // minutes, wait for the day to turn (hence the longer timeout).
    const kochiMidnight = new Date();
    kochiMidnight.setUTCHours(18, 30, 0, 0);
    if (kochiMidnight.getTime() <= Date.now()) kochiMidnight.setUTCDate(kochiMidnight.getUTCDate() + 1);
    const msLeft = kochiMidnight.getTime() - Date.now();
    if (msLeft < 120_000) await new Promise((r) => setTimeout(r, msLeft + 1000));
    const [first, second] = ordered(0);
    const endOfDay = await patchItem(staff[0]!.kitchen, 0, first!.id, { available: false, until: "END_OF_DAY" });
    const until = new Date(itemIn(endOfDay.body, first!.id).soldOutUntil!);
    // The next midnight in Asia/Kolkata (UTC+05:30) is 18:30 UTC.
    expect(until.toISOString()).toMatch(/T18:30:00\.000Z$/);
    expect(until.getTime() - Date.now()).toBeGreaterThan(0);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    const soon = new Date(Date.now() + 60_000);
    await patchItem(staff[0]!.kitchen, 0, second!.id, { available: false, until: soon.toISOString() });
    const seqBefore = (await menuOf(0)).seq;

    expect(await runDueChanges(new Date())).toBe(0);
    const [a, b] = await Promise.all([runDueChanges(new Date(soon.getTime() + 1000)), runDueChanges(new Date(soon.getTime() + 1000))]);
    expect(a + b).toBe(1);
    const menu = await menuOf(0);
    expect(itemIn(menu, second!.id)).toMatchObject({ available: true, soldOutUntil: null });
    expect(itemIn(menu, first!.id).available).toBe(false);
    const last = (await restaurantEvents(0)).at(-1)!;
    expect(last).toMatchObject({ seq: seqBefore + 1, type: "ITEM_AVAILABILITY", actorRole: "SYSTEM", payload: { itemId: second!.id, available: true } });

    expect(await runDueChanges(new Date(until.getTime() + 1000))).toBe(1);
    expect(itemIn(await menuOf(0), first!.id).available).toBe(true);
  }, 180_000);
});

describe("pace", () => {
  it("pauses online orders with a reason customers read, and resumes", async () => {
    expect((await patchOrdering(staff[0]!.courier, 0, { paused: true })).status).toBe(403);
    const paused = await patchOrdering(staff[0]!.kitchen, 0, { paused: true, reason: "Kitchen deep clean" });
    expect(paused.body.ordering).toMatchObject({ paused: true, pauseReason: "Kitchen deep clean" });
    const orders = () => f.prisma.order.count({ where: { restaurantId: f.restaurants[0]!.id } });
    const before = await orders();
    const refused = await place(f);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("RESTAURANT_PAUSED");
    expect(refused.body.error.message).toContain("Kitchen deep clean");
    expect(await orders()).toBe(before);

    const resumed = await patchOrdering(staff[0]!.admin, 0, { paused: false });
    expect(resumed.body.ordering).toMatchObject({ paused: false, pauseReason: null });
    expect((await place(f)).status).toBe(201);
    const last = (await restaurantEvents(0)).at(-1)!;
    expect(last).toMatchObject({ type: "ORDERING_CHANGED", actorRole: "ADMIN", payload: { paused: false, pauseReason: null, extraPrepMinutes: 0, orderCap: null } });
  });

  it("refuses bad settings naming the field", async () => {
    const kitchen = staff[0]!.kitchen;
    const bad = async (body: unknown) => (await patchOrdering(kitchen, 0, body)).body.error;
    expect(await bad({ extraPrepMinutes: -10 })).toMatchObject({ code: "VALIDATION_FAILED", fields: { extraPrepMinutes: "must not be negative" } });
    expect((await bad({ orderCap: 0 })).fields).toHaveProperty("orderCap");
    expect((await bad({ extraPrepMinutes: 12.5 })).fields).toHaveProperty("extraPrepMinutes");
    expect((await bad({})).fields).toHaveProperty("body");
    expect((await bad({ reason: "no pause" })).fields).toHaveProperty("reason");
    expect((await bad({ paused: true, reason: "x".repeat(201) })).fields).toHaveProperty("reason");
    expect((await menuOf(0)).ordering).toMatchObject({ paused: false, extraPrepMinutes: 0, orderCap: null });
  });

  it("busy mode moves every open order's estimate, each seen by its customer, and every new one", async () => {
    const placed = (await place(f)).body;
    const accepted = (await move(placed.order.ticket.id, "ACCEPTED", staff[0]!.kitchen)).body.ticket;
    const before = Date.parse(accepted.estimatedReadyAt);

    await patchOrdering(staff[0]!.kitchen, 0, { extraPrepMinutes: 20 });
    const shifted = await call(orderRead, { token: placed.customerToken, params: { id: accepted.id } });
    expect(Date.parse(shifted.body.ticket.estimatedReadyAt) - before).toBe(20 * 60_000);
    expect(shifted.body.timeline.at(-1)).toMatchObject({ type: "ESTIMATE_CHANGED", actorRole: "KITCHEN" });

    const later = (await place(f)).body.order.ticket;
    const acceptedAt = Date.now();
    const estimate = Date.parse((await move(later.id, "ACCEPTED", staff[0]!.kitchen)).body.ticket.estimatedReadyAt);
    expect(estimate - acceptedAt).toBeGreaterThanOrEqual((later.prepMinutes + 20) * 60_000 - 5000);

    await patchOrdering(staff[0]!.kitchen, 0, { extraPrepMinutes: 0 });
    const back = await call(orderRead, { token: placed.customerToken, params: { id: accepted.id } });
    expect(Date.parse(back.body.ticket.estimatedReadyAt)).toBe(before);
  });

  it("caps orders per 15-minute slot under concurrent orders, naming the next free slot", async () => {
    // Stay clear of a slot boundary: the orders below must all fall in one slot.
    const msLeft = () => slotStartOf(new Date()).getTime() + 15 * 60_000 - Date.now();
    if (msLeft() < 20_000) await new Promise((r) => setTimeout(r, msLeft() + 500));
    // In the morning wherever the test runs: near local midnight there is no next slot today.
    const zone = morningZone();
    const { id } = f.restaurants[0]!;
    // An edit behind web's back moves the restaurant's seq, or web keeps the restaurant it read (docs/architecture.md).
    await f.prisma.restaurant.update({ where: { id }, data: { timeZone: zone, seq: { increment: 1 } } });
    try {
      const slotStart = slotStartOf(new Date());
      const already = await f.prisma.order.count({ where: { restaurantId: id, slotStart, status: { notIn: ["CANCELLED", "REJECTED"] } } });
      await patchOrdering(staff[0]!.kitchen, 0, { orderCap: already + 3 });

      const statuses = (await Promise.all(Array.from({ length: 8 }, () => place(f)))).map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(3);
      expect(statuses.filter((s) => s === 409)).toHaveLength(5);
      const refused = await place(f);
      expect(refused.body.error.code).toBe("ORDER_CAP_REACHED");
      const menu = await menuOf(0);
      expect(menu.ordering).toMatchObject({ capped: true, nextFreeSlotAt: new Date(slotStart.getTime() + 15 * 60_000).toISOString() });
      // Said in the restaurant's clock time, as a customer reads it.
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      expect(refused.body.error.fields.scheduledFor).toBe(`the next free slot is ${local.format(new Date(menu.ordering.nextFreeSlotAt!))}`);

      await patchOrdering(staff[0]!.kitchen, 0, { orderCap: null });
      expect((await place(f)).status).toBe(201);
    } finally {
      await f.prisma.restaurant.update({ where: { id }, data: { timeZone: "Asia/Kolkata", orderCap: null, seq: { increment: 1 } } });
    }
  });
});

describe("opening hours and scheduled orders", () => {
  const restaurant = 1 as const;

  beforeAll(async () => {
    const id = f.restaurants[restaurant]!.id;
    await f.prisma.restaurant.update({ where: { id }, data: { timeZone: morningZone(), seq: { increment: 1 } } });
    await f.prisma.openingHours.deleteMany({ where: { restaurantId: id } });
    await f.prisma.openingHours.createMany({
      data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ restaurantId: id, weekday, opensMinute: 10 * 60, closesMinute: 22 * 60 })),
    });
  });

  it("closes outside the hours and says when it opens", async () => {
    const menu = await menuOf(restaurant);
    expect(menu.ordering).toMatchObject({ open: false, closesAt: null });
    expect(menu.ordering.opensAt).not.toBeNull();
    const refused = await place(f, orderBody(f, {}, restaurant));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "RESTAURANT_CLOSED" });
    expect(refused.body.error.message).toContain("we open at 10:00");
    expect(menu.ordering.slots).toHaveLength(48);
    expect(menu.ordering.slots[0]).toBe(menu.ordering.opensAt);
  });

  it("takes an order for a free slot today, and refuses any other time naming scheduledFor", async () => {
    const { slots } = (await menuOf(restaurant)).ordering;
    const before = new Date(Date.parse(slots[0]!) - 60 * 60_000).toISOString();
    for (const scheduledFor of [before, new Date(Date.parse(slots[0]!) + 5 * 60_000).toISOString(), new Date(Date.parse(slots.at(-1)!) + 15 * 60_000).toISOString()]) {
      const refused = await place(f, orderBody(f, { scheduledFor }, restaurant));
      expect(refused).toMatchObject({ status: 409, body: { error: { code: "SLOT_UNAVAILABLE", fields: { scheduledFor: "is not one of today's free slots" } } } });
    }
    expect((await place(f, orderBody(f, { scheduledFor: "at ten" }, restaurant))).body.error.fields).toHaveProperty("scheduledFor");
  });

  it("keeps a scheduled order in Later, then releases it to New at its slot minus its prep time, once, with two web processes", async () => {
    const { slots } = (await menuOf(restaurant)).ordering;
    const placed = await place(f, orderBody(f, { scheduledFor: slots[0] }, restaurant));
    expect(placed.status).toBe(201);
    const ticket = placed.body.order.ticket;
    expect(ticket).toMatchObject({ status: "SCHEDULED", scheduledFor: slots[0] });
    const row = await f.prisma.order.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.releaseAt!.getTime()).toBe(Date.parse(slots[0]!) - ticket.prepMinutes * 60_000);
    const board = await call(kitchenOrders, { token: staff[restaurant]!.kitchen, params: { id: f.restaurants[restaurant]!.kitchenId } });
    expect(board.body.tickets.find((t: { id: string }) => t.id === ticket.id)).toMatchObject({ status: "SCHEDULED" });

    expect(await runDueChanges(new Date(row.releaseAt!.getTime() - 1000))).toBe(0);
    const due = new Date(row.releaseAt!.getTime() + 1000).toISOString();
    const env = { ...process.env, DATABASE_URL: f.database.url, JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent" };
    const startAt = String(Date.now() + 4000);
    const made = await Promise.all(
      [1, 2].map(async () => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", "test/fixtures/due-changes.ts", due, startAt], { cwd: WEB, env });
        return Number(stdout.trim().split("\n").at(-1));
      }),
    );
    expect(made.sort()).toEqual([0, 1]);
    expect(await history(f, ticket.id)).toEqual(["1:->SCHEDULED:CUSTOMER", "2:SCHEDULED>PLACED:SYSTEM"]);
    expect((await move(ticket.id, "ACCEPTED", staff[restaurant]!.kitchen)).status).toBe(200);
  });

  it("lets the customer cancel a scheduled order", async () => {
    const { slots } = (await menuOf(restaurant)).ordering;
    const placed = (await place(f, orderBody(f, { scheduledFor: slots[1] }, restaurant))).body;
    const cancelled = await move(placed.order.ticket.id, "CANCELLED", placed.customerToken);
    expect(cancelled.body.ticket).toMatchObject({ status: "CANCELLED", closeReason: { code: "CUSTOMER_ASKED" } });
  });
});

describe("guest tokens", () => {
  it("are short-lived, for one restaurant's menu only, and rate limited", async () => {
    const peer = randomUUID();
    const issued = await call(guestToken, { method: "POST", params: { slug: slug(0) }, peer });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ role: "guest", restaurantId: f.restaurants[0]!.id });
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000);

    const order = (await place(f)).body.order.ticket;
    expect((await call(orderRead, { token: issued.body.token, params: { id: order.id } })).status).toBe(403);
    expect((await move(order.id, "CANCELLED", issued.body.token)).status).toBe(403);
    expect((await call(guestToken, { method: "POST", params: { slug: "nowhere" }, peer })).status).toBe(404);
    expect((await call(guestToken, { method: "POST", params: { slug: slug(0) }, peer })).status).toBe(201);
    expect((await call(guestToken, { method: "POST", params: { slug: slug(0) }, peer })).status).toBe(429);
  });
});
