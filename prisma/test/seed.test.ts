import { verifyPassword } from "@orderly/shared/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/client.ts";
import { createPrismaClient } from "../src/client.ts";
import { DEMO_PASSWORD, seedIfEmpty } from "../src/seed.ts";
import { createTestDatabase, type TestDatabase } from "../src/test-database.ts";

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase("seed");
  prisma = createPrismaClient(db.url, { maxConnections: 2 });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("seed", () => {
  it("loads a Kochi chain with menus and demo staff, once", async () => {
    expect((await seedIfEmpty(prisma, DEMO_PASSWORD)).seeded).toBe(true);
    expect((await seedIfEmpty(prisma, DEMO_PASSWORD)).seeded).toBe(false);

    const restaurants = await prisma.restaurant.findMany({ include: { kitchens: true, menuItems: true, staff: true, stations: true } });
    expect(restaurants.length).toBeGreaterThanOrEqual(2);
    for (const r of restaurants) {
      expect(r.address).toMatch(/Kochi/);
      expect(r.kitchens).toHaveLength(1);
      expect(r.stations.map((s) => s.name)).toEqual(expect.arrayContaining(["Fryer", "Curry", "Tawa"]));
      expect(r.stations.every((s) => s.kitchenId === r.kitchens[0]!.id)).toBe(true);
      expect(new Set(r.menuItems.map((m) => m.stationId)).size).toBe(r.stations.length);
      expect(r.menuItems.length).toBeGreaterThanOrEqual(15);
      expect(r.menuItems.every((m) => Number.isInteger(m.pricePaise) && m.pricePaise > 0)).toBe(true);
      expect(r.staff.map((s) => `${s.login}:${s.role}`).sort()).toEqual(["admin:ADMIN", "courier1:DELIVERY", "courier2:DELIVERY", "courier3:DELIVERY", "kitchen:KITCHEN"]);
      expect(r.staff.find((s) => s.role === "KITCHEN")!.kitchenId).toBe(r.kitchens[0]!.id);
      for (const s of r.staff) expect(await verifyPassword(DEMO_PASSWORD, s.passwordHash)).toBe(true);
    }
    expect(restaurants.map((r) => r.usesExpo).sort()).toEqual([false, true]);
  });
});
