import { randomUUID } from "node:crypto";
import { verifyToken } from "@orderly/shared/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOrder } from "../app/api/orders/[id]/route.ts";
import { PATCH as itemPatch } from "../app/api/restaurants/[slug]/menu/[itemId]/route.ts";
import { JWT_SECRET, call, login, orderBody, place, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_orders", { RATE_LIMIT_ORDERS_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await f?.close();
});

const counts = async () => ({
  orders: await f.prisma.order.count(),
  items: await f.prisma.orderItem.count(),
  events: await f.prisma.orderEvent.count(),
});

describe("POST /api/orders", () => {
  it("places an order priced from the menu, routed to the kitchen, with event seq 1 and a customer token", async () => {
    const body = orderBody(f);
    const response = await place(f, body);
    expect(response.status).toBe(201);
    const { order, customerToken } = response.body;
    const r = f.restaurants[0]!;
    const [a, b] = [r.menu.find((m) => m.id === body.items[0]!.menuItemId)!, r.menu.find((m) => m.id === body.items[1]!.menuItemId)!];
    expect(order.ticket).toMatchObject({
      status: "PLACED",
      seq: 1,
      restaurantId: r.id,
      kitchenId: r.kitchenId,
      fulfilment: "DELIVERY",
      deliveryAddress: "12 Broadway, Ernakulam",
      totalPaise: a.pricePaise * 2 + b.pricePaise,
    });
    expect(order.ticket.code).toMatch(/^[A-Z2-9]{5}$/);
    expect(order.ticket.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ menuItemId: a.id, name: a.name, quantity: 2, unitPricePaise: a.pricePaise, notes: "no onion", allergens: ["PEANUTS"], doneAt: null }),
        expect.objectContaining({ menuItemId: b.id, name: b.name, quantity: 1, unitPricePaise: b.pricePaise, notes: null, allergens: [], doneAt: null }),
      ]),
    );
    expect(order.timeline).toEqual([expect.objectContaining({ seq: 1, type: "STATUS_CHANGED", payload: { from: null, to: "PLACED" }, actorRole: "CUSTOMER" })]);
    const verified = verifyToken(customerToken, JWT_SECRET);
    expect(verified.ok && verified.claims).toEqual({ role: "customer", sub: expect.any(String), orderIds: [order.ticket.id] });
    const row = await f.prisma.orderEvent.findUniqueOrThrow({ where: { orderId_seq: { orderId: order.ticket.id, seq: 1 } } });
    expect(row.payload).toEqual({ from: null, to: "PLACED" });
  });

  it("returns the same order for the same key and body, and 409 for the same key with another body", async () => {
    const key = randomUUID();
    const body = orderBody(f, { fulfilment: "PICKUP", deliveryAddress: undefined });
    const first = await place(f, body, key);
    const again = await place(f, body, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.order.ticket.id).toBe(first.body.order.ticket.id);
    const before = await counts();
    const other = await place(f, { ...body, customer: { name: "Someone Else", phone: "9847000000" } }, key);
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", fields: { "idempotency-key": expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("makes exactly one order of concurrent identical requests", async () => {
    const key = randomUUID();
    const body = orderBody(f);
    const responses = await Promise.all(Array.from({ length: 6 }, () => place(f, body, key)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.order.ticket.id)).size).toBe(1);
    expect(await f.prisma.order.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  describe("refuses bad input with a 4xx naming the field, writing nothing", () => {
    const bad = (): [string, unknown, number, string | RegExp, Record<string, string>?][] => {
      const valid = orderBody(f);
      const item = valid.items[0]!;
      const otherRestaurantItem = f.restaurants[1]!.menu[0]!.id;
      return [
        ["wrong types", { ...valid, items: "two dosas" }, 400, "items"],
        ["missing customer", { ...valid, customer: undefined }, 400, "customer"],
        ["zero quantity", { ...valid, items: [{ ...item, quantity: 0 }] }, 400, "items.0.quantity"],
        ["negative quantity", { ...valid, items: [{ ...item, quantity: -3 }] }, 400, "items.0.quantity"],
        ["absurd quantity", { ...valid, items: [{ ...item, quantity: 1e9 }] }, 400, "items.0.quantity"],
        ["too many items in all", { ...valid, items: Array.from({ length: 4 }, () => ({ ...item, quantity: 20 })) }, 400, "items"],
        ["unknown item", { ...valid, items: [{ ...item, menuItemId: randomUUID() }] }, 422, "items.0.menuItemId"],
        ["another restaurant's item", { ...valid, items: [item, { menuItemId: otherRestaurantItem, quantity: 1 }] }, 422, "items.1.menuItemId"],
        ["oversized notes", { ...valid, items: [{ ...item, notes: "x".repeat(201) }] }, 400, "items.0.notes"],
        ["no delivery address", { ...valid, deliveryAddress: undefined }, 400, "deliveryAddress"],
        ["a client-sent price", { ...valid, items: [{ ...item, pricePaise: 1 }] }, 400, "items.0"],
        ["unknown restaurant", { ...valid, restaurantSlug: "nowhere" }, 404, "restaurantSlug"],
        ["malformed JSON", "{\"restaurantSlug\":", 400, "body"],
        ["wrong content type", ["text/plain", JSON.stringify(valid)], 415, /Content-Type/],
        ["no Idempotency-Key", ["no-key", valid], 400, "idempotency-key"],
        ["a NUL in the name", { ...valid, customer: { ...valid.customer, name: "Anu\u0000" } }, 400, "customer.name"],
        ["a control character in notes", { ...valid, items: [{ ...item, notes: "no\u0007 onion" }] }, 400, "items.0.notes"],
        ["a NUL in the address", { ...valid, deliveryAddress: "12 Broadway\u0000, Kochi" }, 400, "deliveryAddress"],
        ["an oversized body", { ...valid, padding: "x".repeat(70_000) }, 413, /larger than/],
      ];
    };

    it("for every case", async () => {
      const { POST } = await import("../app/api/orders/route.ts");
      const before = await counts();
      for (const [name, body, status, field] of bad()) {
        let response;
        if (Array.isArray(body) && body[0] === "text/plain") {
          response = await call(POST, { body: body[1], headers: { "idempotency-key": randomUUID(), "content-type": "text/plain" } });
        } else if (Array.isArray(body) && body[0] === "no-key") {
          response = await call(POST, { body: body[1] });
        } else {
          response = await place(f, body);
        }
        expect(response.status, name).toBe(status);
        expect(response.body.error.message, name).toBeTruthy();
        if (typeof field === "string") expect(Object.keys(response.body.error.fields ?? {}), name).toContain(field);
        else expect(response.body.error.message, name).toMatch(field);
      }
      expect(await counts()).toEqual(before);
    });

    it("names an item sold out since the last order (web keeps menus by the restaurant's seq)", async () => {
      const item = f.restaurants[0]!.menu[3]!;
      const body = orderBody(f, { items: [{ menuItemId: item.id, quantity: 1 }] });
      expect((await place(f, body)).status).toBe(201);
      const { token } = await login(f.restaurants[0]!.slug, "kitchen");
      const soldOut = (available: boolean) => call(itemPatch, { method: "PATCH", token, params: { slug: f.restaurants[0]!.slug, itemId: item.id }, body: { available } });
      expect((await soldOut(false)).status).toBe(200);
      try {
        const response = await place(f, body);
        expect(response.status).toBe(422);
        expect(response.body.error.fields).toEqual({ "items.0.menuItemId": `${item.name} is sold out` });
      } finally {
        expect((await soldOut(true)).status).toBe(200);
      }
      expect((await place(f, body)).status).toBe(201);
    });
  });
});

describe("GET /api/orders/{id}", () => {
  it("shows the snapshot to its customer and its restaurant's staff only", async () => {
    const placed = (await place(f)).body;
    const other = (await place(f)).body;
    const id = placed.order.ticket.id;
    const ok = await call(getOrder, { token: placed.customerToken, params: { id } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(placed.order);

    const kitchen = await login(f.restaurants[0]!.slug, "kitchen");
    expect((await call(getOrder, { token: kitchen.token, params: { id } })).status).toBe(200);
    const elsewhere = await login(f.restaurants[1]!.slug, "courier1");
    expect((await call(getOrder, { token: elsewhere.token, params: { id } })).status).toBe(403);
    expect((await call(getOrder, { token: other.customerToken, params: { id } })).status).toBe(403);
    expect((await call(getOrder, { params: { id } })).status).toBe(401);
    expect((await call(getOrder, { token: placed.customerToken, params: { id: randomUUID() } })).status).toBe(404);
    const malformed = await call(getOrder, { token: placed.customerToken, params: { id: "1 OR 1=1" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toHaveProperty("id");
  });
});
