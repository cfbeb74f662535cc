import { randomUUID } from "node:crypto";
import type { CourierPosition, OrderUpdate } from "@orderly/shared";
import { describe, expect, it } from "vitest";
import { until } from "../../scripts/processes.ts";
import { statusUpdate } from "../../shared/test/fixtures.ts";
import { adminClaims, connected, customerClaims, deliveryClaims, ids, kitchenClaims, next, post, recorder, startServer, token, update } from "./helpers.ts";

const a = ids();
const courier = (staffId: string) => ({ id: staffId, name: "Anil Kumar", phone: "+91 98470 10001" });
const server = () => startServer();

/** The courier `staffId` takes `ready` (READY → OUT_FOR_DELIVERY, then COURIER_ASSIGNED), as the outbox publishes it. */
function taken(ready: OrderUpdate, staffId: string): [OrderUpdate, OrderUpdate] {
  const out = statusUpdate({ ...ready.ticket, courier: courier(staffId) }, "READY", "OUT_FOR_DELIVERY", ready.ticket.seq + 1);
  const assigned: OrderUpdate = {
    event: { ...out.event, id: randomUUID(), seq: out.event.seq + 1, type: "COURIER_ASSIGNED", payload: { courierId: staffId, previousCourierId: null } },
    ticket: { ...out.ticket, seq: out.event.seq + 1 },
  };
  return [out, assigned];
}

describe("couriers' rooms", () => {
  it("alert every courier of a ready delivery, tell them all when one takes it, then tell only the one who holds it", async () => {
    const s = await server();
    const [mine, theirs] = [randomUUID(), randomUUID()];
    const sockets = [await connected(s.port, { token: token(deliveryClaims({ ...a, staffId: mine })) }), await connected(s.port, { token: token(deliveryClaims({ ...a, staffId: theirs })) })];
    const [heardByMe, heardByThem] = sockets.map(recorder);
    const ready = update(a, { seq: 4, from: "PREPARING", to: "READY" });
    const alerts = sockets.map((socket) => next(socket, "pickup_ready"));
    await post(s.port, { events: [ready] });
    await Promise.all(alerts);

    const [out, assigned] = taken(ready, mine);
    const delivered = statusUpdate(assigned.ticket, "OUT_FOR_DELIVERY", "DELIVERED", assigned.ticket.seq + 1);
    const last = next(sockets[0]!, "status_update");
    expect((await post(s.port, { events: [out, assigned] })).status).toBe(202);
    expect((await post(s.port, { events: [delivered] })).status).toBe(202);
    await last;
    await until(() => heardByMe!.length === 4, 5000, "four updates for the courier");
    expect(heardByMe!.map((e) => `${e.name}:${(e.payload as OrderUpdate).event.seq}`)).toEqual(["pickup_ready:4", "status_update:5", "order_update:6", "status_update:7"]);
    // The other courier hears it leave the pickups (the take), never what follows.
    expect(heardByThem!.map((e) => `${e.name}:${(e.payload as OrderUpdate).event.seq}`)).toEqual(["pickup_ready:4", "status_update:5"]);
  });

  it("alert only the courier a ready delivery is reserved for, and tell the one it is taken from", async () => {
    const s = await server();
    const [first, second, bystander] = [randomUUID(), randomUUID(), randomUUID()];
    const [f, sec, by] = [
      await connected(s.port, { token: token(deliveryClaims({ ...a, staffId: first })) }),
      await connected(s.port, { token: token(deliveryClaims({ ...a, staffId: second })) }),
      await connected(s.port, { token: token(deliveryClaims({ ...a, staffId: bystander })) }),
    ];
    const [heardByFirst, heardBySecond, heardByBystander] = [f, sec, by].map(recorder);
    const base = update(a, { seq: 4, from: "PREPARING", to: "READY" });
    const reserved = statusUpdate({ ...base.ticket, courier: courier(first) }, "PREPARING", "READY", 4);
    const alert = next(f, "pickup_ready");
    await post(s.port, { events: [reserved] });
    await alert;
    const handedOn: OrderUpdate = {
      event: { ...reserved.event, id: randomUUID(), seq: 5, type: "COURIER_ASSIGNED", payload: { courierId: second, previousCourierId: first } },
      ticket: { ...reserved.ticket, seq: 5, courier: courier(second) },
    };
    const told = [next(f, "order_update"), next(sec, "order_update")];
    await post(s.port, { events: [handedOn] });
    await Promise.all(told);
    expect(heardByFirst!.map((e) => e.name)).toEqual(["pickup_ready", "order_update"]);
    expect(heardBySecond!.map((e) => e.name)).toEqual(["order_update"]);
    expect(heardByBystander).toEqual([]);
  });

  it("send a courier's position to its order's room only", async () => {
    const s = await server();
    const [orderId, otherId] = [randomUUID(), randomUUID()];
    const customer = await connected(s.port, { token: token(customerClaims(orderId)) });
    const other = await connected(s.port, { token: token(customerClaims(otherId)) });
    const staff = [
      await connected(s.port, { token: token(kitchenClaims(a)) }),
      await connected(s.port, { token: token(adminClaims(a)) }),
      await connected(s.port, { token: token(deliveryClaims(a)) }),
    ];
    const heardByStaff = staff.map(recorder);
    const heardByOther = recorder(other);
    const position: CourierPosition = { orderId, latitude: 9.97, longitude: 76.25, accuracyM: 10, speedMps: null, at: new Date().toISOString() };
    const heard = next(customer, "courier_position");
    expect((await post(s.port, { positions: [position] })).status).toBe(202);
    expect(await heard).toEqual(position);
    // A later event to everyone proves the position had its chance to reach them.
    const marker = update(a);
    const markers = staff.slice(0, 2).map((socket) => next(socket, "new_order"));
    await post(s.port, { events: [marker] });
    await Promise.all(markers);
    for (const seen of heardByStaff) expect(seen.map((e) => e.name)).not.toContain("courier_position");
    expect(heardByOther).toEqual([]);
    const bad = await post(s.port, { positions: [{ ...position, latitude: 123 }] });
    expect(bad.status).toBe(400);
  });
});
