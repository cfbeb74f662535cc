import { FINAL_STATUSES, RECALL_MOVES, notFound, type CourierAccount, type OrderStatus, type ServiceSnapshot } from "@orderly/shared";
import { Prisma } from "@orderly/prisma";
import { db } from "../db.ts";
import { TICKET_INCLUDE, toTicket } from "../orders/ticket.ts";
import { loadMenu } from "./menu.ts";

const HOUR_MS = 3600_000;

export async function courierAccounts(client: Prisma.TransactionClient, restaurantId: string): Promise<CourierAccount[]> {
  const rows = await client.staff.findMany({ where: { restaurantId, role: "DELIVERY" }, orderBy: { displayName: "asc" } });
  return rows.map((s) => ({ id: s.id, name: s.displayName, phone: s.phone, active: s.active }));
}

/** Columns are UTC timestamps without a zone: an instant as such a value, so comparisons stay on the indexes' terms. */
const utc = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
/** An instant as ms since epoch (a stored UTC timestamp or a timestamptz alike). */
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What the manager's board starts from, read in one repeatable-read transaction so the tickets
 * and the figures agree (the socket's updates then dedupe by seq against these tickets). Days are
 * the restaurant's, in its time zone.
 */
export async function serviceSnapshot(restaurant: { id: string; timeZone: string }, now = new Date()): Promise<ServiceSnapshot> {
  const { id, timeZone } = restaurant;
  return db().$transaction(
    async (tx) => {
      const [{ dayStartMs }] = await tx.$queryRaw<[{ dayStartMs: number }]>`
        SELECT extract(epoch FROM date_trunc('day', ${now.toISOString()}::timestamptz AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone})::float8 * 1000 AS "dayStartMs"`;
      const dayStart = new Date(dayStartMs);
      const readySince = new Date(Math.min(dayStartMs, now.getTime() - HOUR_MS));

      const slots = await tx.$queryRaw<{ slotMs: number; count: number }[]>`
        SELECT extract(epoch FROM (date_trunc('hour', local) + floor(extract(minute FROM local) / 15) * interval '15 minutes') AT TIME ZONE ${timeZone})::float8 * 1000 AS "slotMs",
               count(*)::int AS count
        FROM (SELECT "createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone} AS local
              FROM "Order" WHERE "restaurantId" = ${id} AND "createdAt" >= ${utc(dayStart)} AND "createdAt" <= ${utc(now)}) placed
        GROUP BY 1 ORDER BY 1`;

      // The first READY of each order, from when the kitchen's clock started (ticket-timing.ts): placed, or a scheduled one's slot minus its prep.
      const ready = await tx.$queryRaw<{ orderId: string; startedMs: number; readyMs: number }[]>`
        SELECT o.id AS "orderId",
               extract(epoch FROM COALESCE(o."scheduledFor" - make_interval(mins => prep.minutes), o."createdAt"))::float8 * 1000 AS "startedMs",
               extract(epoch FROM first_ready.at)::float8 * 1000 AS "readyMs"
        FROM "Order" o
        JOIN LATERAL (SELECT min(e."createdAt") AS at FROM "OrderEvent" e
                      WHERE e."orderId" = o.id AND e.type = 'STATUS_CHANGED' AND e.payload->>'to' = 'READY') first_ready ON true
        JOIN LATERAL (SELECT max(mi."prepMinutes") AS minutes FROM "OrderItem" oi JOIN "MenuItem" mi ON mi.id = oi."menuItemId"
                      WHERE oi."orderId" = o.id) prep ON true
        WHERE o."restaurantId" = ${id} AND o."statusChangedAt" >= ${utc(readySince)} AND first_ready.at >= ${utc(readySince)} AND first_ready.at <= ${utc(now)}
        ORDER BY first_ready.at`;

      const recalls = await tx.$queryRaw<{ orderId: string; seq: number; from: OrderStatus; to: OrderStatus; atMs: number }[]>`
        SELECT e."orderId", e.seq, e.payload->>'from' AS "from", e.payload->>'to' AS "to", extract(epoch FROM e."createdAt")::float8 * 1000 AS "atMs"
        FROM "OrderEvent" e JOIN "Order" o ON o.id = e."orderId"
        WHERE o."restaurantId" = ${id} AND o."statusChangedAt" >= ${utc(dayStart)}
          AND e.type = 'STATUS_CHANGED' AND e."createdAt" >= ${utc(dayStart)} AND e."createdAt" <= ${utc(now)}
          AND (e.payload->>'from', e.payload->>'to') IN (SELECT * FROM unnest(${RECALL_MOVES.map((m) => m.from)}::text[], ${RECALL_MOVES.map((m) => m.to)}::text[]))
        ORDER BY e."createdAt", e.seq`;

      const orders = await tx.order.findMany({
        where: { restaurantId: id, OR: [{ status: { notIn: [...FINAL_STATUSES] } }, { statusChangedAt: { gte: dayStart } }] },
        include: TICKET_INCLUDE,
        orderBy: { createdAt: "asc" },
      });
      const menu = await loadMenu(tx, { id }, now);
      if (!menu) throw notFound("Restaurant", "slug");
      const stations = await tx.station.findMany({ where: { restaurantId: id }, orderBy: [{ kitchenId: "asc" }, { position: "asc" }], select: { id: true, kitchenId: true, name: true } });

      return {
        serverTime: now.toISOString(),
        dayStart: dayStart.toISOString(),
        tickets: orders.map(toTicket),
        placedPerSlot: slots.map((s) => ({ slotStart: iso(s.slotMs), count: s.count })),
        readySince: readySince.toISOString(),
        readyTimes: ready.map((r) => ({ orderId: r.orderId, startedAt: iso(r.startedMs), readyAt: iso(r.readyMs) })),
        recalls: recalls.map((r) => ({ orderId: r.orderId, seq: r.seq, from: r.from, to: r.to, at: iso(r.atMs) })),
        menu,
        stations,
        couriers: await courierAccounts(tx, id),
      };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
}
