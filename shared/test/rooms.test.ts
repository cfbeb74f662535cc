import { describe, expect, it } from "vitest";
import { roomsForClaims } from "../src/index.ts";

const R = "00000000-0000-4000-8000-000000000001";
const K1 = "00000000-0000-4000-8000-000000000002";
const K2 = "00000000-0000-4000-8000-000000000003";
const S = "00000000-0000-4000-8000-000000000004";
const staff = { sub: S, restaurantId: R, ver: 0, authAt: 1_790_000_000 };
const O1 = "00000000-0000-4000-8000-000000000005";
const O2 = "00000000-0000-4000-8000-000000000006";

describe("roomsForClaims", () => {
  it("gives each role exactly the rooms its token names", () => {
    expect(roomsForClaims({ role: "customer", sub: S, orderIds: [O1, O2] })).toEqual([`order:${O1}`, `order:${O2}`]);
    expect(roomsForClaims({ role: "guest", sub: S, restaurantId: R })).toEqual([`menu:${R}`]);
    expect(roomsForClaims({ role: "kitchen", ...staff, kitchenId: K1 })).toEqual([`kitchen:${K1}`, `menu:${R}`]);
    expect(roomsForClaims({ role: "delivery", ...staff })).toEqual([`delivery:${R}`, `courier:${staff.sub}`]);
    expect(roomsForClaims({ role: "admin", ...staff, kitchenIds: [K1, K2] })).toEqual([
      `kitchen:${K1}`,
      `kitchen:${K2}`,
      `delivery:${R}`,
      `menu:${R}`,
    ]);
  });
});
