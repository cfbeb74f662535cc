import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { place, setupWeb, type Fixture } from "./helpers.ts";

// Codes are random: make the first two the same, so that the second order meets a clash.
const codes = vi.hoisted(() => ["ZZ9ZZ", "ZZ9ZZ"]);
vi.mock("@/orders/order-code.ts", async (original) => {
  const { orderCode } = await original<typeof import("@/orders/order-code.ts")>();
  return { orderCode: () => codes.shift() ?? orderCode() };
});

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_order_code_clash");
});
afterAll(async () => {
  await f?.close();
});

it("places an order whose random code clashed with another's under a fresh code", async () => {
  const first = await place(f);
  const second = await place(f);
  expect([first.status, second.status]).toEqual([201, 201]);
  expect(first.body.order.ticket.code).toBe("ZZ9ZZ");
  expect(second.body.order.ticket.code).toMatch(/^[A-Z0-9]{5}$/);
  expect(second.body.order.ticket.code).not.toBe("ZZ9ZZ");
  expect(await f.prisma.order.count()).toBe(2);
});
