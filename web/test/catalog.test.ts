import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as catchAll } from "../app/api/[...path]/route.ts";
import { GET as health } from "../app/api/health/route.ts";
import { GET as menu } from "../app/api/restaurants/[slug]/menu/route.ts";
import { GET as restaurants } from "../app/api/restaurants/route.ts";
import { call, place, setupWeb, type Fixture } from "./helpers.ts";

let f: Fixture;
beforeAll(async () => {
  f = await setupWeb("web_catalog", { RATE_LIMIT_ORDERS_PER_MINUTE: "3" });
});
afterAll(async () => {
  await f?.close();
});

describe("catalog", () => {
  it("lists the chain's restaurants", async () => {
    const response = await call(restaurants);
    expect(response.status).toBe(200);
    expect(response.body.restaurants.map((r: { slug: string }) => r.slug).sort()).toEqual(["edappally", "fort-kochi"]);
  });

  it("serves the whole menu by category, in paise, sold-out items marked", async () => {
    const r = f.restaurants[0]!;
    const soldOut = r.menu[0]!;
    await f.prisma.menuItem.update({ where: { id: soldOut.id }, data: { available: false } });
    const response = await call(menu, { params: { slug: r.slug } });
    expect(response.status).toBe(200);
    expect(response.body.restaurant.slug).toBe(r.slug);
    const items = response.body.categories.flatMap((c: { name: string; items: { id: string; category: string; pricePaise: number }[] }) =>
      c.items.map((i) => ({ ...i, inCategory: c.name })),
    );
    expect(items).toHaveLength(r.menu.length);
    expect(items.filter((i: { available: boolean }) => !i.available).map((i: { id: string }) => i.id)).toEqual([soldOut.id]);
    expect(items.every((i: { category: string; inCategory: string; pricePaise: number }) => i.category === i.inCategory && Number.isInteger(i.pricePaise))).toBe(true);
    expect((await call(menu, { params: { slug: "nowhere" } })).status).toBe(404);
  });

  it("reports health and answers unknown API paths with JSON 404", async () => {
    expect(await (await health()).json()).toEqual({ status: "ok", database: "ok" });
    const unknown = await catchAll(new Request("http://localhost/api/nope"));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "NOT_FOUND", message: "No API route GET /api/nope" } });
  });
});

describe("POST /api/orders rate limit", () => {
  it("answers 429 with Retry-After past the limit per client address", async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await place(f, { nonsense: i }, undefined, "10.9.9.9")).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    const limited = await place(f, {}, undefined, "10.9.9.9");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await place(f, {}, undefined, "10.9.9.10")).status).toBe(400);
  });
});
