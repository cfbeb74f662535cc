import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import type { TokenClaims } from "@orderly/shared";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import {
  adminClaims,
  connected,
  customerClaims,
  deliveryClaims,
  guestClaims,
  ids,
  kitchenClaims,
  next,
  post,
  stationClaims,
  recorder,
  startServer,
  token,
  update,
} from "./helpers.ts";
import { statusUpdate } from "../../shared/test/fixtures.ts";

const serverRooms = async (server: Awaited<ReturnType<typeof startServer>>) => {
  const sockets = await server.io.fetchSockets();
  return sockets.map((s) => [...s.rooms].filter((r) => r !== s.id).sort());
};

describe("rooms come from the token", () => {
  const a = ids();
  const b = ids();

  it("puts each role in exactly its rooms", async () => {
    const server = await startServer();
    const [o1, o2] = [randomUUID(), randomUUID()];
    const cases: [TokenClaims, string[]][] = [
      [customerClaims(o1, o2), [`order:${o1}`, `order:${o2}`]],
      [guestClaims(a), [`menu:${a.restaurantId}`]],
      [kitchenClaims(a), [`kitchen:${a.kitchenId}`, `menu:${a.restaurantId}`]],
      [stationClaims(a), [`station:${a.stationId}`]],
      [deliveryClaims(a), [`delivery:${a.restaurantId}`, `courier:${a.staffId}`]],
      [adminClaims(a), [`delivery:${a.restaurantId}`, `kitchen:${a.kitchenId}`, `menu:${a.restaurantId}`]],
    ];
    for (const [claims, rooms] of cases) {
      const socket = await connected(server.port, { token: token(claims) });
      const [mine] = (await server.io.in(socket.id!).fetchSockets()).map((s) => [...s.rooms].filter((r) => r !== s.id).sort());
      expect(mine).toEqual([...rooms].sort());
    }
    expect((await serverRooms(server)).length).toBe(6);
  });

  it("never shows a customer another order, nor lets it subscribe to one", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const server = await startServer({}, logger);
    const orderA = update(a);
    const orderB = update(a);
    const tokenA = token(customerClaims(orderA.ticket.id));
    const customer = await connected(server.port, { token: tokenA });
    const seen = recorder(customer);

    const forged = token(customerClaims(orderB.ticket.id), 600, "y".repeat(40));
    for (const request of [{ orderId: orderB.ticket.id }, { orderId: orderB.ticket.id, token: tokenA }, { orderId: orderB.ticket.id, token: forged }]) {
      const error = next(customer, "error");
      expect(await customer.emitWithAck("subscribe_order", request)).toEqual({ ok: false, error: "forbidden" });
      expect(await error).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await customer.emitWithAck("subscribe_order", { orderId: orderA.ticket.id })).toEqual({ ok: true });

    const arrival = next(customer, "status_update");
    expect((await post(server.port, { events: [orderB, orderA] })).status).toBe(202);
    const received = await arrival;
    expect(received.event.orderId).toBe(orderA.ticket.id);
    expect(seen.filter((e) => e.name !== "error").map((e) => (e.payload as typeof orderA).event.orderId)).toEqual([orderA.ticket.id]);

    const refusals = lines.filter((l) => l.includes("refused: not allowed to watch that order"));
    expect(refusals).toHaveLength(3);
    expect(lines.join("\n")).not.toContain(tokenA);
    expect(lines.join("\n")).not.toContain(forged);
  });

  it("lets a customer add an order it holds a token for", async () => {
    const server = await startServer();
    const first = update(a);
    const second = update(a);
    const customer = await connected(server.port, { token: token(customerClaims(first.ticket.id)) });
    const secondToken = token(customerClaims(second.ticket.id));
    expect(await customer.emitWithAck("subscribe_order", { orderId: second.ticket.id, token: secondToken })).toEqual({ ok: true });
    const arrival = next(customer, "status_update");
    await post(server.port, { events: [second] });
    expect((await arrival).event.orderId).toBe(second.ticket.id);
  });

  it("refuses malformed and unknown client events", async () => {
    const server = await startServer();
    const customer = await connected(server.port, { token: token(customerClaims(randomUUID())) });
    const badRequest = next(customer, "error");
    expect(await customer.emitWithAck("subscribe_order", { orderId: "not-a-uuid" })).toEqual({ ok: false, error: "bad request" });
    expect(await badRequest).toMatchObject({ code: "BAD_REQUEST" });
    const unknown = next(customer, "error");
    (customer as unknown as { emit(e: string, p: unknown): void }).emit("join", { room: `kitchen:${a.kitchenId}` });
    expect(await unknown).toEqual({ code: "BAD_REQUEST", message: "Unknown event; the client events are: subscribe_order" });
  });

  it("gives a kitchen only its own tickets, and couriers only their restaurant's pickups", async () => {
    const server = await startServer();
    const kitchenA = await connected(server.port, { token: token(kitchenClaims(a)) });
    const kitchenB = await connected(server.port, { token: token(kitchenClaims(b)) });
    const courierA = await connected(server.port, { token: token(deliveryClaims(a)) });
    const adminB = await connected(server.port, { token: token(adminClaims(b)) });
    const seenA = recorder(kitchenA);
    const seenCourier = recorder(courierA);
    const seenAdmin = recorder(adminB);

    const placedB = update(b);
    const readyB = update(b, { orderId: placedB.ticket.id, seq: 5, from: "PREPARING", to: "READY" });
    const placedA = update(a);
    const readyA = update(a, { orderId: placedA.ticket.id, seq: 5, from: "PREPARING", to: "READY" });
    const readyPickupA = update(a, { seq: 5, from: "PREPARING", to: "READY", fulfilment: "PICKUP" });
    const outA = update(a, { orderId: placedA.ticket.id, seq: 6, from: "READY", to: "OUT_FOR_DELIVERY" });
    const until = (socket: typeof kitchenA, name: "status_update" | "pickup_ready", eventId: string) =>
      new Promise<typeof outA>((resolve) => socket.on(name, (u) => u.event.id === eventId && resolve(u)));
    const newOrderB = next(kitchenB, "new_order");
    const lastForKitchenA = until(kitchenA, "status_update", outA.event.id);
    const lastForCourierA = until(courierA, "status_update", outA.event.id);
    const lastForAdminB = until(adminB, "pickup_ready", readyB.event.id);
    await post(server.port, { events: [placedB, readyB, placedA, readyA, readyPickupA, outA] });

    expect((await newOrderB).ticket.id).toBe(placedB.ticket.id);
    const lastA = await lastForKitchenA;
    expect(lastA.ticket.status).toBe("OUT_FOR_DELIVERY");
    expect(seenA.map((e) => `${e.name}:${(e.payload as typeof outA).event.id}`)).toEqual([
      `new_order:${placedA.event.id}`,
      `status_update:${readyA.event.id}`,
      `status_update:${readyPickupA.event.id}`,
      `status_update:${outA.event.id}`,
    ]);
    await lastForCourierA;
    expect(seenCourier.map((e) => `${e.name}:${(e.payload as typeof outA).event.id}`)).toEqual([
      `pickup_ready:${readyA.event.id}`,
      `status_update:${outA.event.id}`,
    ]);
    await lastForAdminB;
    expect(seenAdmin.map((e) => e.name)).toEqual(["new_order", "status_update", "pickup_ready"]);
  });
});

describe("stations and recalls", () => {
  it("gives a station the events of the orders it makes items for, and only those", async () => {
    const a = ids();
    const server = await startServer();
    const station = await connected(server.port, { token: token(stationClaims(a)) });
    const otherStation = await connected(server.port, { token: token(stationClaims({ ...a, stationId: randomUUID() })) });
    const seen = recorder(station);
    const seenOther = recorder(otherStation);
    const ours = update(a);
    const theirs = update({ ...a, stationId: randomUUID() });
    const bumped = { ...statusUpdate(ours.ticket, "ACCEPTED", "PREPARING", 2) };
    const arrival = next(station, "status_update");
    expect((await post(server.port, { events: [theirs, ours, bumped] })).status).toBe(202);
    await arrival;
    expect(seen.map((e) => `${e.name}:${(e.payload as typeof ours).event.id}`)).toEqual([`new_order:${ours.event.id}`, `status_update:${bumped.event.id}`]);
    expect(seenOther).toEqual([]);
  });

  it("tells the customer, the kitchen and every courier when a READY delivery order is recalled to the kitchen", async () => {
    const a = ids();
    const server = await startServer();
    const ready = update(a, { seq: 4, from: "PREPARING", to: "READY" });
    const customer = await connected(server.port, { token: token(customerClaims(ready.ticket.id)) });
    const couriers = [await connected(server.port, { token: token(deliveryClaims(a)) }), await connected(server.port, { token: token(deliveryClaims({ ...a, staffId: randomUUID() })) })];
    const kitchen = await connected(server.port, { token: token(kitchenClaims(a)) });
    const alerts = couriers.map((c) => next(c, "pickup_ready"));
    await post(server.port, { events: [ready] });
    await Promise.all(alerts);

    const recalled = statusUpdate(ready.ticket, "READY", "PREPARING", 5);
    const heard = [customer, kitchen, ...couriers].map((socket) => next(socket, "status_update"));
    expect((await post(server.port, { events: [recalled] })).status).toBe(202);
    for (const update of await Promise.all(heard)) {
      expect(update.event).toMatchObject({ seq: 5, type: "STATUS_CHANGED", payload: { from: "READY", to: "PREPARING" } });
      expect(update.ticket.status).toBe("PREPARING");
    }
  });
});
