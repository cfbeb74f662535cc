import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "../src/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../src/test-database.ts";

const BEFORE_TYPED_EVENTS = ["20261123000000_init", "20261123100000_staff_sessions"];

let db: TestDatabase;
let scratch: string;
beforeAll(async () => {
  db = await createTestDatabase("event_migration", { migrated: false });
  scratch = await mkdtemp(join(tmpdir(), "orderly-migrations-"));
});
afterAll(async () => {
  await db?.drop();
  await rm(scratch, { recursive: true, force: true });
});

async function sql(text: string) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe("the kitchen-operations, live-menu, couriers and later migrations", () => {
  it("turn existing status rows into typed events, route items to a station, give categories, hours and slots, and deliveries a PIN", async () => {
    for (const name of BEFORE_TYPED_EVENTS) await cp(join(MIGRATIONS_DIR, name), join(scratch, name), { recursive: true });
    expect(await migrate(db.url, scratch)).toEqual(BEFORE_TYPED_EVENTS);
    await sql(`
      INSERT INTO "Restaurant" (id, slug, name, address, phone) VALUES ('r1', 'r', 'R', 'A', '1');
      INSERT INTO "Kitchen" (id, "restaurantId", name) VALUES ('k1', 'r1', 'Main');
      INSERT INTO "MenuItem" (id, "restaurantId", name, category, "pricePaise", "prepMinutes") VALUES ('m1', 'r1', 'Appam', 'Breads', 4000, 5);
      INSERT INTO "Order" (id, code, "restaurantId", "kitchenId", fulfilment, "customerName", "customerPhone", status, "totalPaise", seq, "idempotencyKey", "requestHash", "createdAt", "updatedAt")
        VALUES ('o1', 'AB12C', 'r1', 'k1', 'PICKUP', 'Anu', '9847012345', 'ACCEPTED', 4000, 2, 'key-12345678', 'h', '2026-11-20 10:07:31', now()),
               ('o2', 'CD34E', 'r1', 'k1', 'DELIVERY', 'Ravi', '9847012346', 'DELIVERED', 4000, 2, 'key-87654321', 'h', '2026-11-20 10:00:00', now());
      INSERT INTO "OrderItem" (id, "orderId", "menuItemId", name, "unitPricePaise", quantity) VALUES ('i1', 'o1', 'm1', 'Appam', 4000, 1);
      INSERT INTO "OrderEvent" (id, "orderId", seq, "fromStatus", "toStatus", "actorRole", "createdAt", "publishedAt")
        VALUES ('e1', 'o1', 1, NULL, 'PLACED', 'CUSTOMER', '2026-11-20 10:00:00', now()),
               ('e2', 'o1', 2, 'PLACED', 'ACCEPTED', 'KITCHEN', '2026-11-20 10:02:00', now()),
               ('e3', 'o2', 1, NULL, 'PLACED', 'CUSTOMER', '2026-11-20 10:00:00', now()),
               ('e4', 'o2', 2, 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY', '2026-11-20 10:40:00', now());
    `);

    expect(await migrate(db.url)).toEqual(["20261123200000_kitchen_operations", "20261124000000_live_menu", "20261125000000_couriers", "20261126000000_report_indexes", "20261127000000_outbox_claims"]);
    expect(await sql(`SELECT seq, type::text, payload FROM "OrderEvent" WHERE "orderId" = 'o1' ORDER BY seq`)).toEqual([
      { seq: 1, type: "STATUS_CHANGED", payload: { from: null, to: "PLACED" } },
      { seq: 2, type: "STATUS_CHANGED", payload: { from: "PLACED", to: "ACCEPTED" } },
    ]);
    const [station] = await sql(`SELECT id, name, "kitchenId" FROM "Station"`);
    expect(station).toMatchObject({ name: "Kitchen", kitchenId: "k1" });
    expect(await sql(`SELECT "stationId" FROM "MenuItem"`)).toEqual([{ stationId: station.id }]);
    expect(await sql(`SELECT "stationId", allergens, "doneAt" FROM "OrderItem"`)).toEqual([{ stationId: station.id, allergens: "{}", doneAt: null }]);
    const [order] = await sql(`SELECT "previousStatus"::text, "statusChangedAt", rush FROM "Order" WHERE id = 'o1'`);
    expect(order).toMatchObject({ previousStatus: "PLACED", rush: false });
    expect(order.statusChangedAt.toISOString()).toBe(new Date("2026-11-20T10:02:00").toISOString());

    const [category] = await sql(`SELECT id, name, "sortOrder" FROM "MenuCategory"`);
    expect(category).toMatchObject({ name: "Breads", sortOrder: 2 });
    expect(await sql(`SELECT "categoryId", available, "soldOutUntil" FROM "MenuItem"`)).toEqual([{ categoryId: category.id, available: true, soldOutUntil: null }]);
    expect(await sql(`SELECT weekday, "opensMinute", "closesMinute" FROM "OpeningHours" ORDER BY weekday`)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 1440 })),
    );
    expect(await sql(`SELECT "timeZone", seq, paused, "orderCap" FROM "Restaurant"`)).toEqual([{ timeZone: "Asia/Kolkata", seq: 0, paused: false, orderCap: null }]);
    const [slotted] = await sql(`SELECT "slotStart", "scheduledFor" FROM "Order" WHERE id = 'o1'`);
    expect(slotted).toMatchObject({ scheduledFor: null });
    expect(slotted.slotStart.toISOString()).toBe(new Date("2026-11-20T10:00:00").toISOString());

    const [pickup, delivery] = await sql(`SELECT "deliveryPin", "pinAttempts", "paymentMethod"::text, "paidAt", "statusChangedAt" FROM "Order" ORDER BY id`);
    expect(pickup).toMatchObject({ deliveryPin: null, pinAttempts: 0, paymentMethod: "CASH", paidAt: null });
    expect(delivery.deliveryPin).toMatch(/^[0-9]{4}$/);
    expect(delivery).toMatchObject({ pinAttempts: 0, paymentMethod: "CASH" });
    // Handed over before the migration: paid then.
    expect(delivery.paidAt.toISOString()).toBe(delivery.statusChangedAt.toISOString());
  });
});
