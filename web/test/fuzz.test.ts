import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as refresh } from "../app/api/auth/refresh/route.ts";
import { POST as staffLogin } from "../app/api/auth/staff/route.ts";
import { GET as kitchenOrders } from "../app/api/kitchens/[id]/orders/route.ts";
import { GET as getOrder } from "../app/api/orders/[id]/route.ts";
import { POST as transition } from "../app/api/orders/[id]/transitions/route.ts";
import { POST as placeOrder } from "../app/api/orders/route.ts";
import { GET as deliveries } from "../app/api/restaurants/[slug]/deliveries/route.ts";
import { GET as menu } from "../app/api/restaurants/[slug]/menu/route.ts";
import { PEER_HEADER } from "@/http/client-address.ts";
import { login, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
let tokens: string[];
beforeAll(async () => {
  f = await setupWeb("web_fuzz", { RATE_LIMIT_ORDERS_PER_MINUTE: "100000", RATE_LIMIT_LOGINS_PER_MINUTE: "100000" });
  tokens = [(await login(f.restaurants[0]!.slug, "kitchen")).token, (await login(f.restaurants[1]!.slug, "courier1")).token];
});
afterAll(async () => {
  await f?.close();
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const jsonish = fc.oneof(
  fc.json(),
  fc.string(),
  fc.anything().map((v) => {
    try {
      return JSON.stringify(v) ?? "null";
    } catch {
      return "{}";
    }
  }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.constant('{"restaurantSlug":"fort-kochi","customer":{"name":"A","phone":"9847012345"},"fulfilment":"PICKUP","items":[{"menuItemId":"x","quantity":1}]}'),
);
const headerValue = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)));
const request = fc.record({
  body: jsonish,
  contentType: fc.oneof(fc.constant("application/json"), fc.constant("application/json; charset=latin1"), fc.constant("text/plain"), headerValue),
  auth: fc.oneof(headerValue, fc.constantFrom("kitchen", "delivery").map((r) => `token:${r}`)),
  idempotencyKey: fc.oneof(headerValue, fc.uuid()),
  param: fc.oneof(fc.string({ maxLength: 50 }), fc.uuid(), fc.constant("fort-kochi")),
  method: fc.constantFrom("GET", "POST"),
});

type Fuzzed = typeof request extends fc.Arbitrary<infer T> ? T : never;

async function send(handler: Handler, r: Fuzzed, param: string) {
  const headers = new Headers({ [PEER_HEADER]: "127.0.0.1" });
  if (r.contentType !== undefined) headers.set("content-type", r.contentType);
  if (r.idempotencyKey !== undefined) headers.set("idempotency-key", r.idempotencyKey);
  if (r.auth?.startsWith("token:")) headers.set("authorization", `Bearer ${tokens[r.auth === "token:kitchen" ? 0 : 1]}`);
  else if (r.auth !== undefined) headers.set("authorization", r.auth);
  const req = new Request("http://localhost/api/fuzz", { method: r.method, headers, body: r.method === "POST" ? r.body : undefined });
  const response = await handler(req, { params: Promise.resolve({ id: r.param, slug: r.param, [param]: r.param }) });
  return { status: response.status, body: await response.text() };
}

const rows = async () => [await f.prisma.order.count(), await f.prisma.orderEvent.count(), await f.prisma.orderItem.count()];

describe("every endpoint under random input", () => {
  const endpoints: [string, Handler, string][] = [
    ["POST /api/orders", placeOrder as Handler, "id"],
    ["POST /api/orders/{id}/transitions", transition as Handler, "id"],
    ["GET /api/orders/{id}", getOrder as Handler, "id"],
    ["POST /api/auth/staff", staffLogin as Handler, "id"],
    ["POST /api/auth/refresh", refresh as Handler, "id"],
    ["GET /api/kitchens/{id}/orders", kitchenOrders as Handler, "id"],
    ["GET /api/restaurants/{slug}/deliveries", deliveries as Handler, "slug"],
    ["GET /api/restaurants/{slug}/menu", menu as Handler, "slug"],
  ];

  it.each(endpoints)("%s never answers 5xx, always answers JSON errors, and writes nothing", async (_name, handler, param) => {
    const before = await rows();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { status, body } = await send(handler, r, param);
        expect(status).toBeLessThan(500);
        const json = JSON.parse(body);
        if (status >= 400) expect(json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: 150 },
    );
    expect(await rows()).toEqual(before);
  });

  it("refuses a transition of an order that does not exist however it is asked", async () => {
    const id = randomUUID();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("PLACED", "ACCEPTED", "READY", "DELIVERED"), fc.option(fc.integer()), async (to, expectedSeq) => {
        const r: Fuzzed = { body: JSON.stringify({ to, ...(expectedSeq !== null && { expectedSeq }) }), contentType: "application/json", auth: "token:kitchen", idempotencyKey: undefined, param: id, method: "POST" };
        expect([400, 404]).toContain((await send(transition as Handler, r, "id")).status);
      }),
      { numRuns: 50 },
    );
  });
});
