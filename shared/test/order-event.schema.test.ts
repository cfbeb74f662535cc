import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { orderEventSchema } from "../src/index.ts";

const base = () => ({ id: randomUUID(), orderId: randomUUID(), seq: 2, actorRole: "KITCHEN", at: new Date().toISOString() });

describe("order events", () => {
  it("takes each type with its own payload", () => {
    const valid = [
      { type: "STATUS_CHANGED", payload: { from: "READY", to: "PREPARING" } },
      { type: "STATUS_CHANGED", payload: { from: null, to: "PLACED" } },
      { type: "STATUS_CHANGED", payload: { from: "PLACED", to: "REJECTED", reason: { code: "KITCHEN_TOO_BUSY" } } },
      { type: "ITEM_DONE", payload: { itemId: randomUUID(), stationId: randomUUID() } },
      { type: "ITEM_UNDONE", payload: { itemId: randomUUID(), stationId: randomUUID() } },
      { type: "PRIORITY_CHANGED", payload: { rush: true } },
      { type: "ESTIMATE_CHANGED", payload: { estimatedReadyAt: new Date().toISOString() } },
      { type: "COURIER_ASSIGNED", payload: { courierId: randomUUID() } },
    ];
    for (const event of valid) expect(orderEventSchema.safeParse({ ...base(), ...event }).success, event.type).toBe(true);
  });

  it("refuses a payload of another type, an unknown type, and OTHER without a note", () => {
    const invalid = [
      { type: "ITEM_DONE", payload: { rush: true } },
      { type: "PRIORITY_CHANGED", payload: { from: "READY", to: "PREPARING" } },
      { type: "TELEPORTED", payload: {} },
      { type: "STATUS_CHANGED", payload: { from: "PLACED", to: "CANCELLED", reason: { code: "OTHER" } } },
      { type: "STATUS_CHANGED", payload: { from: "PLACED", to: "CANCELLED", reason: { code: "OTHER", note: "x\u0000" } } },
    ];
    for (const event of invalid) expect(orderEventSchema.safeParse({ ...base(), ...event }).success, JSON.stringify(event)).toBe(false);
    expect(orderEventSchema.safeParse({ ...base(), type: "STATUS_CHANGED", payload: { from: "PLACED", to: "CANCELLED", reason: { code: "OTHER", note: "Gas ran out" } } }).success).toBe(true);
  });
});
