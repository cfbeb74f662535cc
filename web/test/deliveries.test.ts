import type { ClientToServerEvents, CourierPosition, ServerToClientEvents } from "@orderly/shared";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/src/app.ts";
import { realtimeEnvSchema } from "../../realtime-server/src/config.ts";
import { createLogger } from "../../realtime-server/src/logger.ts";
import { until } from "../../scripts/processes.ts";
import { GET as kitchenOrders } from "../app/api/kitchens/[id]/orders/route.ts";
import { POST as assign } from "../app/api/orders/[id]/courier/route.ts";
import { POST as position } from "../app/api/orders/[id]/position/route.ts";
import { GET as snapshot } from "../app/api/orders/[id]/route.ts";
import { GET as deliveries } from "../app/api/restaurants/[slug]/deliveries/route.ts";
import { INTERNAL_SECRET, JWT_SECRET, call, freePort, history, login, move, orderBody, place, setupWeb, type Fixture } from "./helpers.ts";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let f: Fixture;
let realtime: RealtimeServer;
let port: number;
const sockets: Client[] = [];
const tokens = { kitchen: "", admin: "", courier1: "", courier2: "", courier3: "", elsewhere: "" };
const ids = { courier1: "", courier2: "", courier3: "", elsewhere: "" };
const POSITIONS_PER_MINUTE = 20;

beforeAll(async () => {
  port = await freePort();
  f = await setupWeb("web_deliveries", {
    REALTIME_INTERNAL_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_ORDERS_PER_MINUTE: "1000",
    RATE_LIMIT_POSITIONS_PER_MINUTE: String(POSITIONS_PER_MINUTE),
  });
  realtime = await startRealtimeServer(realtimeEnvSchema.parse({ JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent" }), { port, logger: createLogger("silent") });
  const slug = f.restaurants[0]!.slug;
  for (const name of ["kitchen", "admin", "courier1", "courier2", "courier3"] as const) tokens[name] = (await login(slug, name)).token;
  tokens.elsewhere = (await login(f.restaurants[1]!.slug, "courier1")).token;
  for (const name of ["courier1", "courier2", "courier3"] as const) {
    ids[name] = (await f.prisma.staff.findFirstOrThrow({ where: { restaurantId: f.restaurants[0]!.id, login: name } })).id;
  }
  ids.elsewhere = (await f.prisma.staff.findFirstOrThrow({ where: { restaurantId: f.restaurants[1]!.id, login: "courier1" } })).id;
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await realtime?.close();
  await f?.close();
});

/** A delivery order, moved by the kitchen to READY; answers its id, PIN and customer token. */
async function ready(body = orderBody(f)) {
  const placed = (await place(f, body)).body;
  const id: string = placed.order.ticket.id;
  for (const to of ["ACCEPTED", "PREPARING", "READY"]) expect((await move(id, to, tokens.kitchen)).status).toBe(200);
  return { id, pin: placed.order.deliveryPin as string, customerToken: placed.customerToken as string };
}

async function onTheWay(courier: keyof typeof tokens = "courier1") {
  const order = await ready();
  expect((await move(order.id, "OUT_FOR_DELIVERY", tokens[courier])).status).toBe(200);
  return order;
}

const listOf = async (token: string) =>
  (await call(deliveries, { token, params: { slug: f.restaurants[0]!.slug } })).body.tickets.map((t: { id: string }) => t.id) as string[];

/** Everything a socket hears, as [event, payload]. */
async function listener(token: string) {
  const socket: Client = connect(`http://127.0.0.1:${port}`, { auth: { token }, transports: ["websocket"] });
  sockets.push(socket);
  const heard: [string, unknown][] = [];
  socket.onAny((event: string, payload: unknown) => heard.push([event, payload]));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return heard;
}

const at = (secondsAgo = 0) => new Date(Date.now() - secondsAgo * 1000).toISOString();
const send = (orderId: string, token: string, body: unknown) => call(position, { token, body, params: { id: orderId } });

describe("couriers taking orders", () => {
  it("gives a ready order to exactly one of two couriers taking it at once; it leaves the other's list and their reads", async () => {
    const order = await ready();
    expect(await listOf(tokens.courier1)).toContain(order.id);
    expect(await listOf(tokens.courier2)).toContain(order.id);
    const results = await Promise.all([move(order.id, "OUT_FOR_DELIVERY", tokens.courier1), move(order.id, "OUT_FOR_DELIVERY", tokens.courier2)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const winner = results[0]!.status === 200 ? "courier1" : "courier2";
    const loser = winner === "courier1" ? "courier2" : "courier1";
    expect(results.find((r) => r.status === 403)!.body.error.message).toBe("Another courier has this order");
    expect(results.find((r) => r.status === 200)!.body.ticket.courier).toEqual({ id: ids[winner], name: expect.any(String), phone: expect.stringMatching(/^\+91/) });
    expect(await listOf(tokens[winner])).toContain(order.id);
    expect(await listOf(tokens[loser])).not.toContain(order.id);
    expect((await call(snapshot, { token: tokens[loser], params: { id: order.id } })).status).toBe(403);
    expect((await move(order.id, "DELIVERED", tokens[loser], { pin: order.pin, cashCollected: true })).status).toBe(403);
    expect((await move(order.id, "DELIVERY_FAILED", tokens[loser], { reason: { code: "CUSTOMER_UNREACHABLE" } })).status).toBe(403);
    expect(await history(f, order.id)).toEqual(expect.arrayContaining(["5:READY>OUT_FOR_DELIVERY:DELIVERY", "6:COURIER_ASSIGNED:DELIVERY"]));
  });

  it("lets an admin reserve a ready order for a courier and hand one on the way to another, and no one else", async () => {
    const order = await ready();
    const to = (courierId: string, token = tokens.admin, id = order.id) => call(assign, { token, body: { courierId }, params: { id } });
    expect((await to(ids.courier2, tokens.kitchen)).status).toBe(403);
    expect((await to(ids.courier2, tokens.courier1)).status).toBe(403);
    const stranger = await to(ids.elsewhere);
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.fields).toEqual({ courierId: "is not an active courier of this restaurant" });
    expect((await call(assign, { token: tokens.admin, body: { courierId: "nope" }, params: { id: order.id } })).body.error.fields).toHaveProperty("courierId");

    expect((await to(ids.courier2)).status).toBe(200);
    expect(await listOf(tokens.courier1)).not.toContain(order.id);
    expect(await listOf(tokens.courier2)).toContain(order.id);
    expect((await move(order.id, "OUT_FOR_DELIVERY", tokens.courier1)).status).toBe(403);
    expect((await move(order.id, "OUT_FOR_DELIVERY", tokens.courier2)).status).toBe(200);

    expect((await to(ids.courier3)).status).toBe(200);
    expect(await listOf(tokens.courier2)).not.toContain(order.id);
    expect((await move(order.id, "DELIVERED", tokens.courier2, { pin: order.pin, cashCollected: true })).status).toBe(403);
    expect((await move(order.id, "DELIVERED", tokens.courier3, { pin: order.pin, cashCollected: true })).status).toBe(200);
    const events = await f.prisma.orderEvent.findMany({ where: { orderId: order.id, type: "COURIER_ASSIGNED" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.payload, e.actorRole])).toEqual([
      [{ courierId: ids.courier2, previousCourierId: null }, "ADMIN"],
      [{ courierId: ids.courier3, previousCourierId: ids.courier2 }, "ADMIN"],
    ]);
    // Delivered: nothing left to reassign.
    expect((await to(ids.courier1)).status).toBe(409);
  });

  it("will not send an order out without a courier, nor give a pickup to one", async () => {
    const order = await ready();
    expect((await move(order.id, "OUT_FOR_DELIVERY", tokens.admin)).body.error).toMatchObject({ code: "ILLEGAL_TRANSITION", fields: { to: "needs a courier: assign one" } });
    const pickup = (await place(f, orderBody(f, { fulfilment: "PICKUP", deliveryAddress: undefined }))).body.order.ticket.id;
    expect((await call(assign, { token: tokens.admin, body: { courierId: ids.courier1 }, params: { id: pickup } })).status).toBe(409);
  });
});

describe("handing over with the PIN", () => {
  it("counts wrong PINs with the attempts left, locks after five and leaves the rest to an admin", async () => {
    const order = await onTheWay();
    const wrong = order.pin === "0000" ? "1111" : "0000";
    expect((await move(order.id, "DELIVERED", tokens.courier1, { cashCollected: true })).body.error.fields).toEqual({ pin: "is required to deliver" });
    expect((await move(order.id, "DELIVERED", tokens.courier1, { pin: "12a4", cashCollected: true })).body.error.fields).toHaveProperty("pin");
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await move(order.id, "DELIVERED", tokens.courier1, { pin: wrong, cashCollected: true }));
    expect(answers.map((a) => a.status)).toEqual([422, 422, 422, 422, 422]);
    expect(answers.map((a) => a.body.error.fields.pin)).toEqual([
      "is wrong; 4 attempts left",
      "is wrong; 3 attempts left",
      "is wrong; 2 attempts left",
      "is wrong; 1 attempt left",
      "is wrong; no attempts left: a manager must complete it",
    ]);
    const locked = await move(order.id, "DELIVERED", tokens.courier1, { pin: order.pin, cashCollected: true });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("PIN_LOCKED");
    expect(await f.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "OUT_FOR_DELIVERY", pinAttempts: 5, paidAt: null });
    // Wrong PINs wrote no event: the order's history is unchanged by them.
    expect((await history(f, order.id)).at(-1)).toBe("6:COURIER_ASSIGNED:DELIVERY");
    const byAdmin = await move(order.id, "DELIVERED", tokens.admin, { cashCollected: true });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.ticket.payment).toEqual({ method: "CASH", amountDuePaise: 0 });
  });

  it("needs the cash confirmed when money is due, and records it; an order paid online needs none", async () => {
    const cash = await onTheWay();
    const total = (await f.prisma.order.findUniqueOrThrow({ where: { id: cash.id } })).totalPaise;
    const unconfirmed = await move(cash.id, "DELIVERED", tokens.courier1, { pin: cash.pin });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.fields.cashCollected).toMatch(/^confirm you collected ₹/);
    expect((await f.prisma.order.findUniqueOrThrow({ where: { id: cash.id } })).pinAttempts).toBe(0);
    const delivered = await move(cash.id, "DELIVERED", tokens.courier1, { pin: cash.pin, cashCollected: true });
    expect(delivered.status).toBe(200);
    expect(delivered.body.timeline.at(-1)).toMatchObject({ type: "PAYMENT_RECEIVED", payload: { method: "CASH", amountPaise: total } });

    const online = await ready(orderBody(f, { payment: "ONLINE" }));
    const onlineRow = await f.prisma.order.findUniqueOrThrow({ where: { id: online.id } });
    expect(onlineRow.paidAt).toBeInstanceOf(Date);
    expect((await call(snapshot, { token: online.customerToken, params: { id: online.id } })).body.ticket.payment).toEqual({ method: "ONLINE", amountDuePaise: 0 });
    await move(online.id, "OUT_FOR_DELIVERY", tokens.courier1);
    const handed = await move(online.id, "DELIVERED", tokens.courier1, { pin: online.pin });
    expect(handed.status).toBe(200);
    expect(handed.body.timeline.map((e: { type: string }) => e.type)).not.toContain("PAYMENT_RECEIVED");
  });

  it("records a failed delivery with a courier's reason, which the customer and the kitchen see", async () => {
    const order = await onTheWay();
    expect((await move(order.id, "DELIVERY_FAILED", tokens.courier1)).body.error.fields).toEqual({ reason: "is required to report a failed delivery" });
    const kitchenReason = await move(order.id, "DELIVERY_FAILED", tokens.courier1, { reason: { code: "KITCHEN_TOO_BUSY" } });
    expect(kitchenReason.status).toBe(400);
    expect(kitchenReason.body.error.fields).toEqual({ "reason.code": "must be one of CUSTOMER_UNREACHABLE, ADDRESS_NOT_FOUND, CUSTOMER_REFUSED, OTHER" });
    expect((await move(order.id, "DELIVERY_FAILED", tokens.kitchen, { reason: { code: "CUSTOMER_UNREACHABLE" } })).status).toBe(403);
    const failed = await move(order.id, "DELIVERY_FAILED", tokens.courier1, { reason: { code: "CUSTOMER_UNREACHABLE", note: "No answer at the gate" } });
    expect(failed.status).toBe(200);
    const seen = (await call(snapshot, { token: order.customerToken, params: { id: order.id } })).body.ticket;
    expect(seen).toMatchObject({ status: "DELIVERY_FAILED", closeReason: { code: "CUSTOMER_UNREACHABLE", note: "No answer at the gate" } });
    const board = (await call(kitchenOrders, { token: tokens.kitchen, params: { id: f.restaurants[0]!.kitchenId } })).body.tickets;
    expect(board.find((t: { id: string }) => t.id === order.id)).toMatchObject({ status: "DELIVERY_FAILED" });
    // Final: no delivering it after all, and no recall.
    expect((await move(order.id, "DELIVERED", tokens.courier1, { pin: order.pin, cashCollected: true })).status).toBe(409);
    expect((await move(order.id, "OUT_FOR_DELIVERY", tokens.kitchen)).status).toBe(403);
  });
});

describe("courier positions", () => {
  it("are taken only from the courier holding the order on the way, newest wins, and reach only that order's room", async () => {
    const order = await onTheWay();
    const other = await onTheWay();
    const customer = await listener(order.customerToken);
    const otherCustomer = await listener(other.customerToken);
    const staff = [await listener(tokens.kitchen), await listener(tokens.admin), await listener(tokens.courier1), await listener(tokens.courier2)];

    const newer = { latitude: 9.97, longitude: 76.25, accuracyM: 12, speedMps: 6, at: at(2) };
    const kept = await send(order.id, tokens.courier1, newer);
    expect(kept).toMatchObject({ status: 202, body: { kept: true } });
    const older = await send(order.id, tokens.courier1, { latitude: 9.5, longitude: 76.5, at: at(20) });
    expect(older).toMatchObject({ status: 202, body: { kept: false } });
    const heard = await until(async () => customer.find(([event]) => event === "courier_position")?.[1] as CourierPosition | undefined);
    expect(heard).toEqual({ orderId: order.id, latitude: 9.97, longitude: 76.25, accuracyM: 12, speedMps: 6, at: new Date(newer.at).toISOString() });
    const view = (await call(snapshot, { token: order.customerToken, params: { id: order.id } })).body;
    expect(view.courierPosition).toEqual(heard);

    // Another position of the other order, to know the realtime server has passed this point.
    await send(other.id, tokens.courier1, { latitude: 10, longitude: 76.3, at: at() });
    await until(async () => otherCustomer.some(([event]) => event === "courier_position"));
    expect(customer.filter(([event]) => event === "courier_position")).toHaveLength(1);
    expect(otherCustomer.filter(([event]) => event === "courier_position").map(([, p]) => (p as CourierPosition).orderId)).toEqual([other.id]);
    for (const heardByStaff of staff) expect(heardByStaff.map(([event]) => event)).not.toContain("courier_position");
  });

  it("refuses other couriers, other roles, orders not on the way, bad coordinates and stale times", async () => {
    const order = await onTheWay();
    const good = { latitude: 9.97, longitude: 76.25, at: at() };
    expect((await send(order.id, tokens.courier2, good)).status).toBe(403);
    expect((await send(order.id, tokens.elsewhere, good)).status).toBe(404);
    expect((await send(order.id, tokens.kitchen, good)).status).toBe(403);
    expect((await send(order.id, order.customerToken, good)).status).toBe(403);
    const badLatitude = await send(order.id, tokens.courier1, { ...good, latitude: 91 });
    expect(badLatitude.status).toBe(400);
    expect(badLatitude.body.error.fields).toEqual({ latitude: "must be between -90 and 90" });
    expect((await send(order.id, tokens.courier1, { ...good, longitude: "east" })).body.error.fields).toHaveProperty("longitude");
    expect((await send(order.id, tokens.courier1, { ...good, at: at(600) })).body.error.fields).toEqual({ at: "must be within the last 120 seconds" });
    expect((await send(order.id, tokens.courier1, { ...good, extra: 1 })).status).toBe(400);
    const waiting = await ready();
    expect((await send(waiting.id, tokens.courier1, good)).status).toBe(403);
    await call(assign, { token: tokens.admin, body: { courierId: ids.courier1 }, params: { id: waiting.id } });
    expect((await send(waiting.id, tokens.courier1, good)).status).toBe(409);
    const row = await f.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.courierPositionAt).toBeNull();
  });

  it("limits each courier's flood of positions, not the others'", async () => {
    const order = await onTheWay("courier3");
    const statuses = [];
    for (let i = 0; i <= POSITIONS_PER_MINUTE; i++) statuses.push((await send(order.id, tokens.courier3, { latitude: 9.9, longitude: 76.2, at: at() })).status);
    expect(statuses.slice(0, POSITIONS_PER_MINUTE).every((s) => s === 202)).toBe(true);
    const limited = await send(order.id, tokens.courier3, { latitude: 9.9, longitude: 76.2, at: at() });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const another = await onTheWay("courier2");
    expect((await send(another.id, tokens.courier2, { latitude: 9.9, longitude: 76.2, at: at() })).status).toBe(202);
  });
});

describe("the delivery PIN", () => {
  it("is in its customer's snapshot only: never in a staff answer or a staff socket's payload", async () => {
    const staffHeard = [await listener(tokens.kitchen), await listener(tokens.admin), await listener(tokens.courier1)];
    const order = await onTheWay();
    const row = await f.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(order.pin).toBe(row.deliveryPin);
    expect((await call(snapshot, { token: order.customerToken, params: { id: order.id } })).body.deliveryPin).toBe(row.deliveryPin);
    const answers = [
      await call(snapshot, { token: tokens.kitchen, params: { id: order.id } }),
      await call(snapshot, { token: tokens.admin, params: { id: order.id } }),
      await call(snapshot, { token: tokens.courier1, params: { id: order.id } }),
      await call(kitchenOrders, { token: tokens.kitchen, params: { id: f.restaurants[0]!.kitchenId } }),
      await call(deliveries, { token: tokens.courier1, params: { slug: f.restaurants[0]!.slug } }),
      await call(deliveries, { token: tokens.admin, params: { slug: f.restaurants[0]!.slug } }),
    ];
    const delivered = await move(order.id, "DELIVERED", tokens.courier1, { pin: order.pin, cashCollected: true });
    answers.push(delivered);
    await until(async () => staffHeard.every((heard) => heard.some(([, u]) => (u as { event?: { seq: number; orderId: string } }).event?.orderId === order.id && (u as { event: { seq: number } }).event.seq === 8)));
    const pinValue = new RegExp(`"${row.deliveryPin}"`);
    for (const text of [...answers.map((a) => JSON.stringify(a.body)), ...staffHeard.map((h) => JSON.stringify(h))]) {
      expect(text).not.toContain("deliveryPin");
      expect(text).not.toMatch(pinValue);
    }
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
