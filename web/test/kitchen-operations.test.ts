import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as staffLogin } from "../app/api/auth/staff/route.ts";
import { POST as delay } from "../app/api/orders/[id]/estimate/route.ts";
import { POST as bump } from "../app/api/orders/[id]/items/[itemId]/route.ts";
import { POST as priority } from "../app/api/orders/[id]/priority/route.ts";
import { GET as deliveries } from "../app/api/restaurants/[slug]/deliveries/route.ts";
import { GET as stationTickets } from "../app/api/stations/[id]/tickets/route.ts";
import { BUSY, call, history, login, move, orderBody, place, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
/** Per restaurant (0 fort-kochi, with expo; 1 edappally, without): tokens and stations. */
let staff: { kitchen: string; courier: string; admin: string; stations: Map<string, string> }[];

async function stationToken(slug: string, stationId: string, peer = randomUUID()) {
  return call(staffLogin, { body: { restaurantSlug: slug, login: "kitchen", password: "orderly-demo", stationId }, peer });
}

beforeAll(async () => {
  f = await setupWeb("web_kitchen_operations", { RATE_LIMIT_ORDERS_PER_MINUTE: "10000", RATE_LIMIT_LOGINS_PER_MINUTE: "10000" });
  staff = [];
  for (const r of f.restaurants) {
    const stations = new Map<string, string>();
    for (const station of await f.prisma.station.findMany({ where: { restaurantId: r.id } })) {
      stations.set(station.id, (await stationToken(r.slug, station.id)).body.token);
    }
    staff.push({ kitchen: (await login(r.slug, "kitchen")).token, courier: (await login(r.slug, "courier1")).token, admin: (await login(r.slug, "admin")).token, stations });
  }
});
afterAll(async () => {
  await f?.close();
});

/** An order of `restaurant` with one item from each of `stationCount` stations, moved to `status`. */
async function orderAt(restaurant: 0 | 1, status: "PLACED" | "ACCEPTED" | "PREPARING" | "READY", stationCount = 2, fulfilment: "DELIVERY" | "PICKUP" = "DELIVERY") {
  const items = await f.prisma.menuItem.findMany({ where: { restaurantId: f.restaurants[restaurant]!.id }, distinct: ["stationId"], take: stationCount });
  const body = orderBody(f, { fulfilment, ...(fulfilment === "PICKUP" && { deliveryAddress: undefined }), items: items.map((i) => ({ menuItemId: i.id, quantity: 1 })) }, restaurant);
  const ticket = (await place(f, body)).body.order.ticket;
  const path = ["ACCEPTED", "PREPARING", "READY"];
  for (const to of path.slice(0, path.indexOf(status) + 1)) expect((await move(ticket.id, to, staff[restaurant]!.kitchen)).status).toBe(200);
  return ticket as { id: string; items: { id: string; stationId: string }[] };
}

const bumpAs = (token: string, orderId: string, itemId: string, done = true) => call(bump, { token, params: { id: orderId, itemId }, body: { done } });
const stationOf = (restaurant: 0 | 1, stationId: string) => staff[restaurant]!.stations.get(stationId)!;

describe("recall", () => {
  it("moves a mis-bumped ticket back within the window, marked recalled until it moves forward again", async () => {
    const order = await orderAt(0, "READY");
    const recalled = await move(order.id, "PREPARING", staff[0]!.kitchen);
    expect(recalled.status).toBe(200);
    expect(recalled.body.ticket).toMatchObject({ status: "PREPARING", previousStatus: "READY", recalledAt: expect.any(String) });
    expect((await move(order.id, "ACCEPTED", staff[0]!.admin)).body.ticket.status).toBe("ACCEPTED");
    const forward = await move(order.id, "PREPARING", staff[0]!.kitchen);
    expect(forward.body.ticket.recalledAt).toBeNull();
    expect((await history(f, order.id)).slice(-3)).toEqual(["5:READY>PREPARING:KITCHEN", "6:PREPARING>ACCEPTED:ADMIN", "7:ACCEPTED>PREPARING:KITCHEN"]);
  });

  it("takes a READY delivery order off every courier's pickup list", async () => {
    const order = await orderAt(0, "READY");
    const slug = f.restaurants[0]!.slug;
    const listed = async () => (await call(deliveries, { token: staff[0]!.courier, params: { slug } })).body.tickets.map((t: { id: string }) => t.id);
    expect(await listed()).toContain(order.id);
    await move(order.id, "PREPARING", staff[0]!.kitchen);
    expect(await listed()).not.toContain(order.id);
  });

  it("refuses a recall past the window with a 409 naming it, and by anyone but kitchen and admin", async () => {
    const order = await orderAt(0, "READY");
    await f.prisma.order.update({ where: { id: order.id }, data: { statusChangedAt: new Date(Date.now() - 31 * 60_000) } });
    const late = await move(order.id, "PREPARING", staff[0]!.kitchen);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: "ILLEGAL_TRANSITION", message: "A move can be undone within 30 minutes; this one was 31 minutes ago" });

    const fresh = await orderAt(0, "READY");
    const customer = (await place(f)).body.customerToken;
    const station = [...staff[0]!.stations.values()][0]!;
    for (const token of [staff[0]!.courier, customer, station]) expect((await move(fresh.id, "PREPARING", token)).status).toBe(403);
    expect((await move(fresh.id, "PREPARING", staff[1]!.kitchen)).status).toBe(403);
  });

  it("brings a cancelled or rejected order back to where it was, and a collected one to READY; never one out for delivery", async () => {
    const cancelled = await orderAt(0, "PREPARING");
    expect((await move(cancelled.id, "CANCELLED", staff[0]!.kitchen, { reason: { code: "OTHER", note: "Gas ran out" } })).body.ticket.closeReason).toEqual({ code: "OTHER", note: "Gas ran out" });
    expect((await move(cancelled.id, "ACCEPTED", staff[0]!.kitchen)).status).toBe(409);
    const back = await move(cancelled.id, "PREPARING", staff[0]!.kitchen);
    expect(back.body.ticket).toMatchObject({ status: "PREPARING", closeReason: null, recalledAt: expect.any(String) });

    const rejected = (await place(f)).body.order.ticket.id;
    await move(rejected, "REJECTED", staff[0]!.kitchen, BUSY);
    expect((await move(rejected, "PLACED", staff[0]!.kitchen)).body.ticket.status).toBe("PLACED");

    const collected = await orderAt(0, "READY", 1, "PICKUP");
    await move(collected.id, "COLLECTED", staff[0]!.kitchen);
    expect((await move(collected.id, "READY", staff[0]!.kitchen)).body.ticket.status).toBe("READY");

    const taken = await orderAt(0, "READY");
    await move(taken.id, "OUT_FOR_DELIVERY", staff[0]!.courier);
    expect((await move(taken.id, "READY", staff[0]!.kitchen)).status).toBe(409);
    expect((await move(taken.id, "READY", staff[0]!.courier)).status).toBe(403);
  });
});

describe("cancel and reject reasons", () => {
  it("are required from staff, named in the answer and the event, and set for a customer who cancels", async () => {
    const order = (await place(f)).body;
    const missing = await move(order.order.ticket.id, "REJECTED", staff[0]!.kitchen);
    expect(missing).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED", fields: { reason: "is required to reject" } } } });
    const other = await move(order.order.ticket.id, "REJECTED", staff[0]!.kitchen, { reason: { code: "OTHER" } });
    expect(other.body.error.fields).toEqual({ "reason.note": "is required when the reason is OTHER" });
    const rejected = await move(order.order.ticket.id, "REJECTED", staff[0]!.kitchen, { reason: { code: "ITEM_UNAVAILABLE", note: "No prawns today" } });
    expect(rejected.body.ticket.closeReason).toEqual({ code: "ITEM_UNAVAILABLE", note: "No prawns today" });
    expect(rejected.body.timeline.at(-1).payload).toEqual({ from: "PLACED", to: "REJECTED", reason: { code: "ITEM_UNAVAILABLE", note: "No prawns today" } });

    const mine = (await place(f)).body;
    const cancelled = await move(mine.order.ticket.id, "CANCELLED", mine.customerToken);
    expect(cancelled.body.ticket.closeReason).toEqual({ code: "CUSTOMER_ASKED" });
  });
});

describe("stations", () => {
  it("log in as a kitchen account on one of its kitchen's stations, and only so", async () => {
    const [mine] = staff[0]!.stations.keys();
    const theirs = [...staff[1]!.stations.keys()][0]!;
    const ok = await stationToken(f.restaurants[0]!.slug, mine!);
    expect(ok.body).toMatchObject({ role: "station", stationId: mine, kitchenId: f.restaurants[0]!.kitchenId });
    expect((await stationToken(f.restaurants[0]!.slug, theirs)).status).toBe(403);
    const courier = await call(staffLogin, { body: { restaurantSlug: f.restaurants[0]!.slug, login: "courier1", password: "orderly-demo", stationId: mine }, peer: randomUUID() });
    expect(courier.status).toBe(403);
  });

  it("bump only their own items, only while the order is being made; the first bump starts it", async () => {
    const placed = await orderAt(0, "PLACED");
    const [first, second] = placed.items;
    expect((await bumpAs(stationOf(0, first!.stationId), placed.id, first!.id)).status).toBe(409);
    expect((await move(placed.id, "ACCEPTED", staff[0]!.kitchen)).status).toBe(200);

    for (const token of [stationOf(0, second!.stationId), staff[0]!.kitchen, staff[0]!.admin, staff[0]!.courier]) {
      expect((await bumpAs(token, placed.id, first!.id)).status).toBe(403);
    }
    const done = await bumpAs(stationOf(0, first!.stationId), placed.id, first!.id);
    expect(done.status).toBe(200);
    expect(done.body.ticket.status).toBe("PREPARING");
    expect(done.body.ticket.items.find((i: { id: string }) => i.id === first!.id).doneAt).toEqual(expect.any(String));
    expect((await bumpAs(stationOf(0, first!.stationId), placed.id, first!.id)).body.ticket.seq).toBe(done.body.ticket.seq);
    expect((await bumpAs(stationOf(0, first!.stationId), placed.id, first!.id, false)).body.ticket.items[0].doneAt).toBeNull();
    // With expo, the last item done leaves READY to the expo.
    await bumpAs(stationOf(0, first!.stationId), placed.id, first!.id);
    expect((await bumpAs(stationOf(0, second!.stationId), placed.id, second!.id)).body.ticket.status).toBe("PREPARING");
    expect(await history(f, placed.id)).toEqual([
      "1:->PLACED:CUSTOMER",
      "2:PLACED>ACCEPTED:KITCHEN",
      "3:ITEM_DONE:STATION",
      "4:ACCEPTED>PREPARING:SYSTEM",
      "5:ITEM_UNDONE:STATION",
      "6:ITEM_DONE:STATION",
      "7:ITEM_DONE:STATION",
    ]);
  });

  it("without expo, make an order READY exactly once when concurrent bumps finish it", async () => {
    for (let round = 0; round < 5; round++) {
      const order = await orderAt(1, "ACCEPTED", 4);
      const answers = await Promise.all(order.items.map((item) => bumpAs(stationOf(1, item.stationId), order.id, item.id)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const events = await history(f, order.id);
      expect(events.filter((e) => e.endsWith(":SYSTEM"))).toEqual([expect.stringMatching(/ACCEPTED>PREPARING/), expect.stringMatching(/PREPARING>READY/)]);
      expect(events.map((e) => Number(e.split(":")[0]))).toEqual(events.map((_, i) => i + 1));
      expect((await f.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("READY");
    }
  });

  it("list the tickets being made that have their items", async () => {
    const order = await orderAt(0, "ACCEPTED");
    const [first] = order.items;
    const other = [...staff[0]!.stations.keys()].find((id) => !order.items.some((i) => i.stationId === id))!;
    const listFor = async (stationId: string, token = stationOf(0, stationId)) => call(stationTickets, { token, params: { id: stationId } });
    expect((await listFor(first!.stationId)).body.tickets.map((t: { id: string }) => t.id)).toContain(order.id);
    expect((await listFor(other)).body.tickets.map((t: { id: string }) => t.id)).not.toContain(order.id);
    expect((await listFor(first!.stationId, stationOf(0, other))).status).toBe(403);
    expect((await listFor(first!.stationId, staff[0]!.admin)).status).toBe(200);
    expect((await listFor(first!.stationId, staff[1]!.admin)).status).toBe(403);
  });
});

describe("rush and estimate", () => {
  it("rush a ticket and push its estimate back, as events; not once it has left the kitchen", async () => {
    const order = await orderAt(0, "ACCEPTED");
    const rushed = await call(priority, { token: staff[0]!.kitchen, params: { id: order.id }, body: { rush: true } });
    expect(rushed.body.ticket.rush).toBe(true);
    const before = Date.parse(rushed.body.ticket.estimatedReadyAt);
    const delayed = await call(delay, { token: staff[0]!.kitchen, params: { id: order.id }, body: { minutes: 10 } });
    expect(Date.parse(delayed.body.ticket.estimatedReadyAt) - before).toBe(10 * 60_000);
    expect((await history(f, order.id)).slice(-2)).toEqual(["3:PRIORITY_CHANGED:KITCHEN", "4:ESTIMATE_CHANGED:KITCHEN"]);
    expect((await call(priority, { token: staff[0]!.courier, params: { id: order.id }, body: { rush: false } })).status).toBe(403);
    expect((await call(delay, { token: staff[0]!.kitchen, params: { id: order.id }, body: { minutes: 0 } })).status).toBe(400);

    const gone = await orderAt(0, "READY");
    await move(gone.id, "OUT_FOR_DELIVERY", staff[0]!.courier);
    expect((await call(priority, { token: staff[0]!.kitchen, params: { id: gone.id }, body: { rush: true } })).status).toBe(409);
  });
});
