import { describe, expect, it } from "vitest";
import { availabilityUpdate, menu, statusUpdate } from "../../shared/test/fixtures.ts";
import { connected, customerClaims, guestClaims, ids, kitchenClaims, next, post, recorder, startServer, token, update } from "./helpers.ts";

describe("menu rooms", () => {
  it("a guest hears only its restaurant's menu, never an order, and cannot watch one", async () => {
    const server = await startServer();
    const a = ids();
    const b = ids();
    const guestA = await connected(server.port, { token: token(guestClaims(a)) });
    const guestB = await connected(server.port, { token: token(guestClaims(b)) });
    const kitchenA = await connected(server.port, { token: token(kitchenClaims(a)) });
    const seenByA = recorder(guestA);
    const seenByB = recorder(guestB);

    const order = update(a);
    expect(await guestA.emitWithAck("subscribe_order", { orderId: order.ticket.id })).toEqual({ ok: false, error: "forbidden" });

    const soldOutA = availabilityUpdate(menu({ restaurant: { ...menu().restaurant, id: a.restaurantId } }), false);
    const soldOutB = availabilityUpdate(menu({ restaurant: { ...menu().restaurant, id: b.restaurantId } }), false);
    const heardByA = next(guestA, "restaurant_update");
    const heardByKitchen = next(kitchenA, "restaurant_update");
    const heardByB = next(guestB, "restaurant_update");
    expect((await post(server.port, { events: [order], restaurantEvents: [soldOutA, soldOutB] })).status).toBe(202);

    expect((await heardByA).event.id).toBe(soldOutA.event.id);
    expect((await heardByKitchen).event.id).toBe(soldOutA.event.id);
    expect((await heardByB).event.id).toBe(soldOutB.event.id);
    // The order's new_order reached the kitchen before; by now a guest would have heard it too.
    expect(seenByA.map((e) => e.name)).toEqual(["error", "restaurant_update"]);
    expect(seenByB.map((e) => e.name)).toEqual(["restaurant_update"]);
  });

  it("refuses a batch with nothing in it, and a restaurant event whose menu is another restaurant's", async () => {
    const server = await startServer();
    expect((await post(server.port, { events: [], restaurantEvents: [] })).body.error).toMatchObject({ code: "VALIDATION_FAILED" });
    const wrong = { ...availabilityUpdate(menu(), false), menu: menu({ seq: 1 }) };
    expect((await post(server.port, { restaurantEvents: [wrong] })).status).toBe(400);
  });

  it("a scheduled order is new to the kitchen (and chimes) only when released, not when scheduled", async () => {
    const server = await startServer();
    const a = ids();
    const scheduled = update(a, { to: "SCHEDULED" });
    const kitchen = await connected(server.port, { token: token(kitchenClaims(a)) });
    const customer = await connected(server.port, { token: token(customerClaims(scheduled.ticket.id)) });
    const seen = recorder(kitchen);

    const heard = next(kitchen, "status_update");
    await post(server.port, { events: [scheduled] });
    expect((await heard).ticket.status).toBe("SCHEDULED");

    const released = statusUpdate(scheduled.ticket, "SCHEDULED", "PLACED", 2);
    const asNew = next(kitchen, "new_order");
    const toCustomer = next(customer, "status_update");
    await post(server.port, { events: [released] });
    expect((await asNew).event.seq).toBe(2);
    expect((await toCustomer).ticket.status).toBe("PLACED");
    expect(seen.map((e) => e.name)).toEqual(["status_update", "new_order"]);
  });
});
