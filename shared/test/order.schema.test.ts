import { describe, expect, it } from "vitest";
import { describeFieldErrors, fieldErrors, placeOrderRequestSchema } from "../src/index.ts";

const valid = {
  restaurantSlug: "kochi-marine-drive",
  customer: { name: "Anu", phone: "+91 98470 12345" },
  fulfilment: "DELIVERY",
  deliveryAddress: "12 Broadway, Ernakulam",
  items: [{ menuItemId: "00000000-0000-4000-8000-000000000001", quantity: 2, notes: "no onion" }],
};

function errorsOf(body: unknown) {
  const result = placeOrderRequestSchema.safeParse(body);
  return result.success ? {} : fieldErrors(result.error);
}

describe("place order request", () => {
  it("accepts a valid order", () => {
    expect(placeOrderRequestSchema.safeParse(valid).success).toBe(true);
    expect(placeOrderRequestSchema.safeParse({ ...valid, fulfilment: "PICKUP", deliveryAddress: undefined }).success).toBe(true);
  });

  it("names the field that is wrong", () => {
    expect(Object.keys(errorsOf({ ...valid, deliveryAddress: undefined }))).toEqual(["deliveryAddress"]);
    expect(Object.keys(errorsOf({ ...valid, customer: { name: "", phone: "12" } }))).toEqual(["customer.name", "customer.phone"]);
    expect(Object.keys(errorsOf({ ...valid, items: [{ ...valid.items[0], quantity: 0 }] }))).toEqual(["items.0.quantity"]);
    expect(Object.keys(errorsOf({ ...valid, items: [{ ...valid.items[0], quantity: 1.5 }] }))).toEqual(["items.0.quantity"]);
    expect(Object.keys(errorsOf({ ...valid, items: [{ ...valid.items[0], quantity: 21 }] }))).toEqual(["items.0.quantity"]);
    expect(Object.keys(errorsOf({ ...valid, items: [] }))).toEqual(["items"]);
    expect(Object.keys(errorsOf({ ...valid, items: [{ ...valid.items[0], notes: "x".repeat(201) }] }))).toEqual(["items.0.notes"]);
    expect(Object.keys(errorsOf({ ...valid, fulfilment: "DRONE" }))).toEqual(["fulfilment"]);
    expect(Object.keys(errorsOf({ ...valid, surprise: true }))).toEqual(["body"]);
  });

  it("caps the whole order, not only each line", () => {
    const lines = Array.from({ length: 4 }, () => ({ ...valid.items[0], quantity: 20 }));
    expect(errorsOf({ ...valid, items: lines })).toEqual({ items: "at most 60 items per order" });
  });

  it("describes errors field by field", () => {
    expect(describeFieldErrors({ "customer.phone": "bad", items: "empty" })).toBe("customer.phone: bad; items: empty");
  });
});
