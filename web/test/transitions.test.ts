import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as kitchenOrders } from "../app/api/kitchens/[id]/orders/route.ts";
import { GET as deliveries } from "../app/api/restaurants/[slug]/deliveries/route.ts";
import { BUSY, call, history, login, move, orderBody, place, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
let kitchen: string;
let courier: string;
let otherKitchen: string;
beforeAll(async () => {
  f = await setupWeb("web_transitions", { RATE_LIMIT_ORDERS_PER_MINUTE: "1000" });
  kitchen = (await login(f.restaurants[0]!.slug, "kitchen")).token;
  courier = (await login(f.restaurants[0]!.slug, "courier1")).token;
  otherKitchen = (await login(f.restaurants[1]!.slug, "kitchen")).token;
});
afterAll(async () => {
  await f?.close();
});

const timeline = (orderId: string) => history(f, orderId);

describe("POST /api/orders/{id}/transitions", () => {
  it("takes a delivery order through its whole life, one event per step", async () => {
    const { order } = (await place(f)).body;
    const id = order.ticket.id;
    const handover = { pin: order.deliveryPin, cashCollected: true };
    for (const [to, token] of [["ACCEPTED", kitchen], ["PREPARING", kitchen], ["READY", kitchen], ["OUT_FOR_DELIVERY", courier], ["DELIVERED", courier]] as const) {
      const response = await move(id, to, token, to === "DELIVERED" ? handover : {});
      expect(response.status, to).toBe(200);
      expect(response.body.ticket.status).toBe(to);
    }
    const final = await move(id, "CANCELLED", kitchen, BUSY);
    expect(final.status).toBe(409);
    expect(await timeline(id)).toEqual([
      "1:->PLACED:CUSTOMER",
      "2:PLACED>ACCEPTED:KITCHEN",
      "3:ACCEPTED>PREPARING:KITCHEN",
      "4:PREPARING>READY:KITCHEN",
      "5:READY>OUT_FOR_DELIVERY:DELIVERY",
      "6:COURIER_ASSIGNED:DELIVERY",
      "7:OUT_FOR_DELIVERY>DELIVERED:DELIVERY",
      "8:PAYMENT_RECEIVED:DELIVERY",
    ]);
    const row = await f.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DELIVERED", seq: 8, previousStatus: "OUT_FOR_DELIVERY", recalledAt: null, paidAt: expect.any(Date) });
    expect(row.courierId).not.toBeNull();
    expect(row.estimatedReadyAt).toBeInstanceOf(Date);
  });

  it("takes a pickup order to COLLECTED and never out for delivery", async () => {
    const id = (await place(f, orderBody(f, { fulfilment: "PICKUP", deliveryAddress: undefined }))).body.order.ticket.id;
    for (const to of ["ACCEPTED", "PREPARING", "READY"]) expect((await move(id, to, kitchen)).status).toBe(200);
    // A courier never sees a pickup order.
    expect((await move(id, "OUT_FOR_DELIVERY", courier)).status).toBe(403);
    expect((await move(id, "COLLECTED", courier)).status).toBe(403);
    const collected = await move(id, "COLLECTED", kitchen, { expectedSeq: 4 });
    expect(collected.status).toBe(200);
    expect(collected.body.timeline.map((e: { type: string; payload: { to?: string } }) => e.payload.to ?? e.type)).toEqual(["PLACED", "ACCEPTED", "PREPARING", "READY", "COLLECTED", "PAYMENT_RECEIVED"]);
  });

  it("refuses illegal moves, stale seqs, wrong roles and other restaurants", async () => {
    const placed = (await place(f)).body;
    const id = placed.order.ticket.id;
    const illegal = await move(id, "READY", kitchen);
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toMatchObject({ code: "ILLEGAL_TRANSITION", message: "A kitchen cannot move this order from PLACED to READY" });
    // A move the role may never make is a 403, whatever the order's state; one the state forbids is a 409.
    const courierAccepting = await move(id, "ACCEPTED", courier);
    expect(courierAccepting.status).toBe(403);
    expect(courierAccepting.body.error).toEqual({ code: "FORBIDDEN", message: "A delivery may never move an order to ACCEPTED" });
    expect((await move(id, "ACCEPTED", placed.customerToken)).status).toBe(403);
    expect((await move(id, "OUT_FOR_DELIVERY", kitchen)).status).toBe(403);
    expect((await move(id, "ACCEPTED", otherKitchen)).status).toBe(403);
    expect((await move(randomUUID(), "ACCEPTED", kitchen)).status).toBe(404);
    expect((await move(id, "ACCEPTED", kitchen, { expectedSeq: 7 })).body.error).toMatchObject({ code: "STALE", fields: { expectedSeq: "is 1 now" } });
    const unknownStatus = await move(id, "TELEPORTED", kitchen);
    expect(unknownStatus.status).toBe(400);
    expect(unknownStatus.body.error.fields).toHaveProperty("to");
    expect((await move(id, "ACCEPTED", "not-a-token")).status).toBe(401);
    expect(await timeline(id)).toEqual(["1:->PLACED:CUSTOMER"]);
  });

  it("lets a customer cancel their own order only while it is PLACED", async () => {
    const first = (await place(f)).body;
    const second = (await place(f)).body;
    expect((await move(second.order.ticket.id, "CANCELLED", first.customerToken)).status).toBe(403);
    expect((await move(first.order.ticket.id, "CANCELLED", first.customerToken)).status).toBe(200);
    await move(second.order.ticket.id, "ACCEPTED", kitchen);
    expect((await move(second.order.ticket.id, "CANCELLED", second.customerToken)).status).toBe(409);
  });


  it("lets exactly one of two concurrent moves win, keeping seq gapless", async () => {
    for (let round = 0; round < 5; round++) {
      const id = (await place(f)).body.order.ticket.id;
      const results = await Promise.all([move(id, "ACCEPTED", kitchen), move(id, "REJECTED", kitchen, BUSY)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const events = await f.prisma.orderEvent.findMany({ where: { orderId: id }, orderBy: { seq: "asc" } });
      expect(events.map((e) => e.seq)).toEqual([1, 2]);
      const winner = results.find((r) => r.status === 200)!.body.ticket.status;
      expect(events[1]!.payload).toMatchObject({ to: winner });
    }
  });
});

describe("ticket lists", () => {
  it("shows a kitchen its active tickets and those it can still recall, and couriers their restaurant's deliveries ready or on the way", async () => {
    const active = (await place(f)).body.order.ticket.id;
    const ready = (await place(f)).body.order.ticket.id;
    for (const to of ["ACCEPTED", "PREPARING", "READY"]) await move(ready, to, kitchen);
    const justRejected = (await place(f)).body.order.ticket.id;
    await move(justRejected, "REJECTED", kitchen, BUSY);
    const done = (await place(f)).body.order.ticket.id;
    await move(done, "REJECTED", kitchen, BUSY);
    await f.prisma.order.update({ where: { id: done }, data: { statusChangedAt: new Date(Date.now() - 31 * 60_000) } });
    const elsewhere = (await place(f, orderBody(f, {}, 1))).body.order.ticket.id;

    const kitchenId = f.restaurants[0]!.kitchenId;
    const list = await call(kitchenOrders, { token: kitchen, params: { id: kitchenId } });
    expect(list.status).toBe(200);
    const ids = list.body.tickets.map((t: { id: string }) => t.id);
    expect(ids).toEqual(expect.arrayContaining([active, ready, justRejected]));
    expect(ids).not.toContain(done);
    expect(ids).not.toContain(elsewhere);
    expect(Date.parse(list.body.serverTime)).toBeGreaterThan(0);
    expect(list.body.recallWindowMinutes).toBe(30);
    expect((await call(kitchenOrders, { token: otherKitchen, params: { id: kitchenId } })).status).toBe(403);
    expect((await call(kitchenOrders, { token: courier, params: { id: kitchenId } })).status).toBe(403);

    const slug = f.restaurants[0]!.slug;
    const forCourier = await call(deliveries, { token: courier, params: { slug } });
    expect(forCourier.status).toBe(200);
    const deliveryIds = forCourier.body.tickets.map((t: { id: string }) => t.id);
    expect(deliveryIds).toContain(ready);
    expect(deliveryIds).not.toContain(active);
    expect(forCourier.body.tickets.every((t: { status: string; fulfilment: string }) => ["READY", "OUT_FOR_DELIVERY"].includes(t.status) && t.fulfilment === "DELIVERY")).toBe(true);
    expect((await call(deliveries, { token: kitchen, params: { slug } })).status).toBe(403);
    const otherCourier = (await login(f.restaurants[1]!.slug, "courier1")).token;
    expect((await call(deliveries, { token: otherCourier, params: { slug } })).status).toBe(403);
  });
});
