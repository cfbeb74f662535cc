import { Prisma, type PrismaClient } from "../generated/client.ts";

/** The columns a bulk insert writes, each with its SQL type. */
type Columns<Input> = { readonly [K in keyof Input]?: string };
/** A row of exactly those columns, typed as Prisma types them. */
export type RowOf<Input, C extends Columns<Input>> = { [K in keyof C & keyof Input]: Input[K] };

const TIME = "timestamp(3)";

export const ORDER_COLUMNS = {
  id: "text",
  code: "text",
  restaurantId: "text",
  kitchenId: "text",
  fulfilment: '"Fulfilment"',
  deliveryAddress: "text",
  deliveryLatitude: "double precision",
  deliveryLongitude: "double precision",
  customerName: "text",
  customerPhone: "text",
  status: '"OrderStatus"',
  totalPaise: "int",
  seq: "int",
  idempotencyKey: "text",
  requestHash: "text",
  courierId: "text",
  deliveryPin: "text",
  paymentMethod: '"PaymentMethod"',
  paidAt: TIME,
  estimatedReadyAt: TIME,
  rush: "boolean",
  recalledAt: TIME,
  statusChangedAt: TIME,
  previousStatus: '"OrderStatus"',
  closeReason: '"CloseReason"',
  closeNote: "text",
  slotStart: TIME,
  scheduledFor: TIME,
  releaseAt: TIME,
  createdAt: TIME,
  updatedAt: TIME,
} as const satisfies Columns<Prisma.OrderUncheckedCreateInput>;

export const ORDER_ITEM_COLUMNS = {
  id: "text",
  orderId: "text",
  menuItemId: "text",
  name: "text",
  unitPricePaise: "int",
  quantity: "int",
  notes: "text",
  allergens: '"Allergen"[]',
  stationId: "text",
  doneAt: TIME,
} as const satisfies Columns<Prisma.OrderItemUncheckedCreateInput>;

export const ORDER_EVENT_COLUMNS = {
  id: "text",
  orderId: "text",
  seq: "int",
  type: '"OrderEventType"',
  payload: "jsonb",
  actorRole: '"ActorRole"',
  actorId: "text",
  createdAt: TIME,
  publishedAt: TIME,
  claimedUntil: TIME,
} as const satisfies Columns<Prisma.OrderEventUncheckedCreateInput>;

/** A value as Postgres reads it from text: dates in UTC (as Prisma stores them), arrays (of enums) as array literals, objects as JSON. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(",")}}`;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * An INSERT of all `rows`, each column sent as one text array and unnested: createMany works
 * through every row in JavaScript and takes seconds for a day of history, this milliseconds; and
 * several of them make one statement (placing an order writes it, its items and its first event).
 */
export function insertSql(table: Prisma.ModelName, columns: Record<string, string>, rows: Record<string, unknown>[]): Prisma.Sql {
  const names = Object.keys(columns);
  const arrays = Prisma.join(names.map((name) => Prisma.sql`${rows.map((row) => asText(row[name]))}::text[]`));
  const aliases = names.map((_, i) => `c${i}`);
  const casts = names.map((name, i) => `${aliases[i]}::${columns[name]}`);
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}" (${names.map((n) => `"${n}"`).join(", ")})`)}
    SELECT ${Prisma.raw(casts.join(", "))} FROM unnest(${arrays}) AS t(${Prisma.raw(aliases.join(", "))})`;
}

export function insertRows(prisma: PrismaClient, table: Prisma.ModelName, columns: Record<string, string>, rows: Record<string, unknown>[]): Prisma.PrismaPromise<number> {
  return prisma.$executeRaw(insertSql(table, columns, rows));
}
