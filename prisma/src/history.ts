import { createHash, randomUUID } from "node:crypto";
import { slotStartOf } from "@orderly/shared";
import type { Prisma, PrismaClient } from "../generated/client.ts";
import { ORDER_COLUMNS, ORDER_EVENT_COLUMNS, ORDER_ITEM_COLUMNS, insertRows, type RowOf } from "./bulk-insert.ts";
import { customer, deliveryAddress } from "./history-people.ts";
import { columnsAfter, simulateOrder, totalPaiseOf, type Crew, type SimulatedOrder } from "./history-order.ts";
import { localDaysUpTo, type LocalDay } from "./local-day.ts";
import { between, chance, intBetween, pickWeighted, seededRandom, type Random } from "./random.ts";
import { DEMO_COURIERS, DEMO_RESTAURANTS } from "./seed.ts";

export const DEFAULT_HISTORY_DAYS = 14;
export const MAX_HISTORY_DAYS = 90;
/** The CLI's history is the same on every database (for the same days). */
const DEFAULT_SEED = 14;

/** Orders on an ordinary Monday, before the weekday's factor. */
const DAILY_ORDERS: Record<string, number> = { "fort-kochi": 55, edappally: 75 };
/** Monday … Sunday: busier from Friday. */
const WEEKDAY_FACTOR = [1, 0.95, 1, 1.05, 1.25, 1.4, 1.35] as const;
/** Orders per local hour, relatively: lunch 12–15, dinner 19–22:30, quiet mid-afternoon and at night. */
const HOURLY = [0.3, 0.15, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.2, 1.1, 1, 2, 5, 6, 4, 1.4, 1.1, 1.5, 2.5, 5, 6.5, 5.5, 3, 1] as const;
const BUSIEST = Math.max(...HOURLY);
const HOURS = HOURLY.map((_, hour) => hour);

/** History orders are told apart by their Idempotency-Key, `history:{slug}:{local date}:{n}`. */
const HISTORY_KEY = "history:";
/** Web's codes have no "-", so these never collide with them. */
const CODE_PREFIX = "H-";

export interface HistoryResult {
  orders: number;
  events: number;
  /** Days of a restaurant left alone because they already have history. */
  skipped: { restaurant: string; date: string }[];
}

interface HistoryRestaurant {
  id: string;
  slug: string;
  kitchenId: string;
  timeZone: string;
  location: { latitude: number; longitude: number } | null;
  crew: Crew;
}

async function demoRestaurants(prisma: PrismaClient): Promise<HistoryRestaurant[]> {
  const slugs: string[] = DEMO_RESTAURANTS.map((r) => r.slug);
  const couriers: string[] = DEMO_COURIERS.map((c) => c.login);
  const found = await prisma.restaurant.findMany({
    where: { slug: { in: slugs } },
    orderBy: { slug: "asc" },
    include: {
      kitchens: { orderBy: { name: "asc" }, take: 1 },
      menuItems: { orderBy: { sortOrder: "asc" }, include: { category: { select: { name: true } } } },
      staff: { where: { active: true, login: { in: ["kitchen", ...couriers] } }, orderBy: { login: "asc" } },
    },
  });
  if (found.length === 0) throw new Error("No demo restaurants: seed the demo chain first (seedIfEmpty, npm run db:seed)");
  return found.map((r) => {
    const kitchen = r.kitchens[0];
    const kitchenStaff = r.staff.find((s) => s.role === "KITCHEN");
    const courierIds = r.staff.filter((s) => s.role === "DELIVERY").map((s) => s.id);
    if (!kitchen || !kitchenStaff || courierIds.length === 0 || r.menuItems.length === 0) {
      throw new Error(`${r.slug} lacks the demo seed's kitchen, menu, kitchen login or couriers`);
    }
    return {
      id: r.id,
      slug: r.slug,
      kitchenId: kitchen.id,
      timeZone: r.timeZone,
      location: r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
      crew: {
        usesExpo: r.usesExpo,
        kitchenStaffId: kitchenStaff.id,
        courierIds,
        menu: r.menuItems.map((m) => ({ id: m.id, name: m.name, category: m.category.name, pricePaise: m.pricePaise, prepMinutes: m.prepMinutes, stationId: m.stationId })),
      },
    };
  });
}

/** When the day's orders were placed (only those before `now`), and how busy the kitchen was then. */
function placings(random: Random, restaurant: HistoryRestaurant, day: LocalDay, now: Date): { at: Date; load: number }[] {
  const count = Math.round((DAILY_ORDERS[restaurant.slug] ?? 40) * WEEKDAY_FACTOR[day.weekday - 1]! * between(random, 0.9, 1.1));
  return Array.from({ length: count }, () => {
    const hour = pickWeighted(random, HOURS, (h) => HOURLY[h]!);
    const at = new Date(day.start.getTime() + Math.round((hour * 60 + between(random, 0, 60)) * 60) * 1000);
    return { at, load: HOURLY[hour]! / BUSIEST };
  })
    .filter((p) => p.at < now)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

interface Rows {
  orders: RowOf<Prisma.OrderUncheckedCreateInput, typeof ORDER_COLUMNS>[];
  items: RowOf<Prisma.OrderItemUncheckedCreateInput, typeof ORDER_ITEM_COLUMNS>[];
  events: RowOf<Prisma.OrderEventUncheckedCreateInput, typeof ORDER_EVENT_COLUMNS>[];
}

/** One history order as rows: its lifecycle up to `now`, and the order's columns as that leaves them. */
function rowsOf(random: Random, restaurant: HistoryRestaurant, simulated: SimulatedOrder, key: string, code: string, now: Date, rows: Rows): void {
  const orderId = randomUUID();
  const events = simulated.events.filter((e) => e.at < now);
  const columns = columnsAfter(simulated, events);
  const who = customer(random);
  const delivery = simulated.fulfilment === "DELIVERY";
  const address = delivery ? deliveryAddress(random, restaurant.slug) : null;
  const shared = delivery && restaurant.location && chance(random, 0.7) ? restaurant.location : null;
  const request = {
    restaurantSlug: restaurant.slug,
    customer: who,
    fulfilment: simulated.fulfilment,
    ...(address && { deliveryAddress: address }),
    payment: simulated.payment,
    items: simulated.lines.map((l) => ({ menuItemId: l.dish.id, quantity: l.quantity, ...(l.notes && { notes: l.notes }), ...(l.allergens.length && { allergens: l.allergens }) })),
  };
  rows.orders.push({
    id: orderId,
    code,
    restaurantId: restaurant.id,
    kitchenId: restaurant.kitchenId,
    fulfilment: simulated.fulfilment,
    deliveryAddress: address,
    // Within about 3 km of the restaurant.
    deliveryLatitude: shared ? shared.latitude + between(random, -0.025, 0.025) : null,
    deliveryLongitude: shared ? shared.longitude + between(random, -0.025, 0.025) : null,
    customerName: who.name,
    customerPhone: who.phone,
    totalPaise: totalPaiseOf(simulated.lines),
    idempotencyKey: key,
    requestHash: createHash("sha256").update(JSON.stringify(request)).digest("hex"),
    deliveryPin: delivery ? String(intBetween(random, 0, 9999)).padStart(4, "0") : null,
    paymentMethod: simulated.payment,
    slotStart: slotStartOf(simulated.placedAt),
    scheduledFor: null,
    releaseAt: null,
    createdAt: simulated.placedAt,
    seq: columns.seq,
    status: columns.status,
    previousStatus: columns.previousStatus,
    statusChangedAt: columns.statusChangedAt,
    recalledAt: columns.recalledAt,
    closeReason: columns.closeReason,
    closeNote: columns.closeNote,
    estimatedReadyAt: columns.estimatedReadyAt,
    rush: columns.rush,
    courierId: columns.courierId,
    paidAt: columns.paidAt,
    updatedAt: columns.updatedAt,
  });
  for (const line of simulated.lines) {
    rows.items.push({
      id: line.id,
      orderId,
      menuItemId: line.dish.id,
      name: line.dish.name,
      unitPricePaise: line.dish.pricePaise,
      quantity: line.quantity,
      notes: line.notes,
      allergens: line.allergens,
      stationId: line.dish.stationId,
      doneAt: columns.doneAt.get(line.id) ?? null,
    });
  }
  events.forEach((e, i) => {
    // Already published: history is never pushed to sockets.
    rows.events.push({ id: randomUUID(), orderId, seq: i + 1, type: e.change.type, payload: e.change.payload, actorRole: e.actorRole, actorId: e.actorId, createdAt: e.at, publishedAt: e.at, claimedUntil: null });
  });
}

async function nextCodeNumber(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<{ max: number | null }[]>`
    SELECT max(substring(code FROM 3)::int) AS max FROM "Order" WHERE code ~ '^H-[0-9]+$'`;
  return (row?.max ?? 0) + 1;
}

/**
 * Plausible past orders of the demo restaurants, so reports and the manager's board have
 * something to show: the `days` days before today and today until `now`, in each restaurant's
 * time zone, every order with its whole event history (already published). A day of a restaurant
 * that already has history is skipped, so running it again adds nothing. Needs the demo seed.
 */
export async function seedHistory(prisma: PrismaClient, options: { days: number; now?: Date; random?: Random }): Promise<HistoryResult> {
  const { days, now = new Date(), random = seededRandom(DEFAULT_SEED) } = options;
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) throw new RangeError(`days must be a whole number from 1 to ${MAX_HISTORY_DAYS}, not ${days}`);
  const restaurants = await demoRestaurants(prisma);
  let code = await nextCodeNumber(prisma);
  const result: HistoryResult = { orders: 0, events: 0, skipped: [] };
  const daysOf = new Map(restaurants.map((r) => [r, localDaysUpTo(r.timeZone, now, days)]));
  for (let d = 0; d <= days; d++) {
    const rows: Rows = { orders: [], items: [], events: [] };
    for (const restaurant of restaurants) {
      const day = daysOf.get(restaurant)![d]!;
      const prefix = `${HISTORY_KEY}${restaurant.slug}:${day.date}:`;
      if (await prisma.order.findFirst({ where: { idempotencyKey: { startsWith: prefix } }, select: { id: true } })) {
        result.skipped.push({ restaurant: restaurant.slug, date: day.date });
        continue;
      }
      placings(random, restaurant, day, now).forEach(({ at, load }, n) => {
        rowsOf(random, restaurant, simulateOrder(random, restaurant.crew, at, load), `${prefix}${n + 1}`, `${CODE_PREFIX}${code++}`, now, rows);
      });
    }
    if (rows.orders.length === 0) continue;
    await prisma.$transaction([
      insertRows(prisma, "Order", ORDER_COLUMNS, rows.orders),
      insertRows(prisma, "OrderItem", ORDER_ITEM_COLUMNS, rows.items),
      insertRows(prisma, "OrderEvent", ORDER_EVENT_COLUMNS, rows.events),
    ]);
    result.orders += rows.orders.length;
    result.events += rows.events.length;
  }
  // Fresh statistics for the planner: right after a bulk insert, before autovacuum has analysed
  // the tables, the first report planned on stale counts took 7 s instead of 40 ms.
  if (result.orders > 0) await prisma.$executeRawUnsafe(`ANALYZE "Order", "OrderItem", "OrderEvent"`);
  return result;
}
