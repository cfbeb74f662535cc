import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as shared from "@orderly/shared";
import { $Enums, Prisma, type PrismaClient } from "../generated/client.ts";
import { createPrismaClient } from "../src/client.ts";
import { createTestDatabase, type TestDatabase } from "../src/test-database.ts";

interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
}
interface Model {
  name: string;
  fields: Field[];
  uniques: string[][];
}

/** Just enough of the Prisma schema language for this schema: models, scalar fields (and lists), uniques, enums. */
function parseSchema(text: string) {
  const enums = new Map<string, string[]>();
  for (const [, name, body] of text.matchAll(/^enum (\w+) \{([^}]*)\}/gm)) {
    enums.set(name!, body!.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//")));
  }
  const modelNames = new Set([...text.matchAll(/^model (\w+) \{/gm)].map(([, name]) => name!));
  const models: Model[] = [];
  for (const [, name, body] of text.matchAll(/^model (\w+) \{([^}]*)\}/gm)) {
    const model: Model = { name: name!, fields: [], uniques: [] };
    for (const raw of body!.split("\n")) {
      const line = raw.trim();
      const composite = /^@@unique\(\[([^\]]+)\]\)/.exec(line);
      if (composite) model.uniques.push(composite[1]!.split(",").map((s) => s.trim()));
      const field = /^(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!field || line.startsWith("@@") || line.startsWith("///")) continue;
      const [, fieldName, type, modifier, attributes] = field;
      if (modelNames.has(type!) || /@relation/.test(attributes!)) continue;
      model.fields.push({ name: fieldName!, type: type!, optional: modifier === "?", list: modifier === "[]" });
      if (/@unique\b/.test(attributes!) || /@id\b/.test(attributes!)) model.uniques.push([fieldName!]);
    }
    models.push(model);
  }
  return { enums, models };
}

const SQL_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  Boolean: "boolean",
  Float: "double precision",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
};

let db: TestDatabase;
let client: pg.Client;
let prisma: PrismaClient;
let schema: ReturnType<typeof parseSchema>;

beforeAll(async () => {
  db = await createTestDatabase("schema_match");
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  prisma = createPrismaClient(db.url, { maxConnections: 2 });
  schema = parseSchema(await readFile(fileURLToPath(new URL("../schema.prisma", import.meta.url)), "utf8"));
});
afterAll(async () => {
  await prisma?.$disconnect();
  await client?.end();
  await db?.drop();
});

describe("migrations match schema.prisma", () => {
  it("parses the schema it checks", () => {
    expect(schema.models.map((m) => m.name)).toEqual(Object.values(Prisma.ModelName));
    expect([...schema.enums.keys()].sort()).toEqual(Object.keys($Enums).sort());
  });

  it("has exactly the tables and columns of the models, with their types and nullability", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const sqlType = (r: (typeof rows)[number]) => (r.data_type === "USER-DEFINED" ? r.udt_name : r.data_type === "ARRAY" ? `${r.udt_name.slice(1)}[]` : r.data_type);
    const actual = rows.map((r) => `${r.table_name}.${r.column_name} ${sqlType(r)}${r.is_nullable === "YES" ? "?" : ""}`);
    // Prisma keeps scalar lists in nullable array columns.
    const expected = schema.models
      .flatMap((m) =>
        m.fields.map((f) => `${m.name}.${f.name} ${schema.enums.has(f.type) ? f.type : SQL_TYPES[f.type]}${f.list ? "[]" : ""}${f.optional || f.list ? "?" : ""}`),
      )
      .sort();
    expect(actual.sort()).toEqual(expected);
  });

  it("has the enums of the schema, which are the enums of shared/", async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(schema.enums));
    expect(schema.enums.get("OrderStatus")).toEqual(shared.orderStatusSchema.options);
    expect(schema.enums.get("Fulfilment")).toEqual(shared.fulfilmentSchema.options);
    expect(schema.enums.get("StaffRole")).toEqual(shared.staffRoleSchema.options);
    expect(schema.enums.get("ActorRole")).toEqual(shared.actorRoleSchema.options);
    expect(schema.enums.get("Allergen")).toEqual(shared.allergenSchema.options);
    expect(schema.enums.get("CloseReason")).toEqual(shared.closeReasonSchema.options);
    expect(schema.enums.get("OrderEventType")).toEqual(shared.orderEventTypeSchema.options);
    expect(schema.enums.get("RestaurantEventType")).toEqual(shared.restaurantEventTypeSchema.options);
    expect(schema.enums.get("PaymentMethod")).toEqual(shared.paymentMethodSchema.options);
  });

  it("has the unique constraints of the schema", async () => {
    const { rows } = await client.query<{ table: string; columns: string[] }>(
      `SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE i.indisunique AND n.nspname = 'public' AND t.relname <> '_prisma_migrations'
       GROUP BY i.indexrelid, t.relname`,
    );
    const actual = rows.map((r) => `${r.table}(${r.columns.join(",")})`).sort();
    const expected = schema.models.flatMap((m) => m.uniques.map((u) => `${m.name}(${u.join(",")})`)).sort();
    expect(actual).toEqual(expected);
  });

  it("creates and reads every model through the generated client", async () => {
    const restaurant = await prisma.restaurant.create({ data: { slug: "r", name: "R", address: "A", phone: "1" } });
    const kitchen = await prisma.kitchen.create({ data: { restaurantId: restaurant.id, name: "K" } });
    const station = await prisma.station.create({ data: { restaurantId: restaurant.id, kitchenId: kitchen.id, name: "Tandoor" } });
    const category = await prisma.menuCategory.create({ data: { restaurantId: restaurant.id, name: "Breads", sortOrder: 2 } });
    await prisma.openingHours.create({ data: { restaurantId: restaurant.id, weekday: 1, opensMinute: 660, closesMinute: 1380 } });
    const item = await prisma.menuItem.create({
      data: { restaurantId: restaurant.id, name: "Appam", categoryId: category.id, pricePaise: 4000, prepMinutes: 5, stationId: station.id },
    });
    await prisma.restaurantEvent.create({
      data: { restaurantId: restaurant.id, seq: 1, type: "ITEM_AVAILABILITY", payload: { itemId: item.id, available: false, soldOutUntil: null }, actorRole: "KITCHEN" },
    });
    const staff = await prisma.staff.create({
      data: { restaurantId: restaurant.id, kitchenId: kitchen.id, role: "DELIVERY", login: "d", displayName: "D", passwordHash: "x" },
    });
    const order = await prisma.order.create({
      data: {
        code: "AB12",
        restaurantId: restaurant.id,
        kitchenId: kitchen.id,
        fulfilment: "DELIVERY",
        deliveryAddress: "12 Broadway",
        customerName: "Anu",
        customerPhone: "9847012345",
        status: "OUT_FOR_DELIVERY",
        totalPaise: 8000,
        idempotencyKey: "key-12345678",
        requestHash: "h",
        courierId: staff.id,
        estimatedReadyAt: new Date(),
        slotStart: new Date(),
        items: { create: { menuItemId: item.id, name: item.name, unitPricePaise: 4000, quantity: 2, notes: "crisp", allergens: ["GLUTEN"], stationId: station.id } },
        events: { create: { seq: 1, type: "STATUS_CHANGED", payload: { from: null, to: "PLACED" }, actorRole: "CUSTOMER", publishedAt: new Date() } },
      },
    });
    const read = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: true, events: true, courier: true, kitchen: { include: { restaurant: true } } },
    });
    expect(read).toMatchObject({ code: "AB12", status: "OUT_FOR_DELIVERY", seq: 1, courier: { login: "d" } });
    expect(read.items[0]).toMatchObject({ name: "Appam", quantity: 2, notes: "crisp", allergens: ["GLUTEN"], stationId: station.id, doneAt: null });
    expect(read.events[0]).toMatchObject({ seq: 1, type: "STATUS_CHANGED", payload: { from: null, to: "PLACED" } });
    expect(read.kitchen.restaurant.slug).toBe("r");
    expect(read.updatedAt).toBeInstanceOf(Date);
    await expect(
      prisma.orderEvent.create({ data: { orderId: order.id, seq: 1, type: "PRIORITY_CHANGED", payload: { rush: true }, actorRole: "KITCHEN" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });
});
