import { RECALL_MOVES, REPORT_TABLES, type Report, type ReportQuery, type ReportTable, type ReportTables } from "@orderly/shared";
import { Prisma } from "@orderly/prisma";
import { db } from "../db.ts";
import type { AdminRestaurant } from "../restaurants/admin-restaurant.ts";

interface Scope extends ReportQuery {
  restaurantId: string;
  timeZone: string;
}


/** A stored UTC timestamp as the restaurant's wall-clock time. */
const local = (s: Scope, column: Prisma.Sql) => Prisma.sql`(${column} AT TIME ZONE 'UTC' AT TIME ZONE ${s.timeZone})`;
/** The UTC instant a local date begins. */
const dayStart = (s: Scope, date: Prisma.Sql) => Prisma.sql`((${date})::timestamp AT TIME ZONE ${s.timeZone} AT TIME ZONE 'UTC')`;
const epochSeconds = (interval: Prisma.Sql) => Prisma.sql`extract(epoch FROM ${interval})::float8`;
const p50 = (value: Prisma.Sql) => Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value})`;
const p90 = (value: Prisma.Sql) => Prisma.sql`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${value})`;

/**
 * The orders created in the range, each with the first time it reached each status, its local
 * hour (when the kitchen got it: placed, or a scheduled one's release) and how far its first
 * READY was past the LATE threshold (twice its prep time after the kitchen got it).
 */
function timeline(s: Scope): Prisma.Sql {
  return Prisma.sql`
    ranged AS (
      SELECT o.id, o.status, o."totalPaise", o."closeReason", o."createdAt", o."releaseAt" FROM "Order" o
      WHERE o."restaurantId" = ${s.restaurantId}
        AND o."createdAt" >= ${dayStart(s, Prisma.sql`${s.from}::date`)}
        AND o."createdAt" < ${dayStart(s, Prisma.sql`${s.to}::date + 1`)}
    ),
    reached AS (
      SELECT e."orderId" AS id,
        min(e."createdAt") FILTER (WHERE e.payload->>'to' = 'PLACED') AS placed,
        min(e."createdAt") FILTER (WHERE e.payload->>'to' = 'ACCEPTED') AS accepted,
        min(e."createdAt") FILTER (WHERE e.payload->>'to' = 'READY') AS ready,
        min(e."createdAt") FILTER (WHERE e.payload->>'to' IN ('DELIVERED', 'COLLECTED')) AS handed_over
      FROM "OrderEvent" e JOIN ranged r ON r.id = e."orderId"
      WHERE e.type = 'STATUS_CHANGED'
      GROUP BY e."orderId"
    ),
    prep AS (
      SELECT oi."orderId" AS id, max(mi."prepMinutes") AS minutes
      FROM "OrderItem" oi JOIN ranged r ON r.id = oi."orderId" JOIN "MenuItem" mi ON mi.id = oi."menuItemId"
      GROUP BY oi."orderId"
    ),
    timeline AS (
      SELECT r.*, re.placed, re.accepted, re.ready, re.handed_over,
        extract(hour FROM ${local(s, Prisma.sql`re.placed`)})::int AS hour,
        re.ready - (coalesce(r."releaseAt", r."createdAt") + make_interval(mins => 2 * coalesce(p.minutes, 0))) AS past_late
      FROM ranged r LEFT JOIN reached re ON re.id = r.id LEFT JOIN prep p ON p.id = r.id
    )`;
}

const IS_LATE = Prisma.sql`t.past_late > interval '0'`;

/** Each table's query after the timeline's CTEs; one that adds CTEs of its own starts with a comma. */
const TABLES: { [T in ReportTable]: (s: Scope) => Prisma.Sql } = {
  days: (s) => Prisma.sql`
    SELECT to_char(d, 'YYYY-MM-DD') AS date,
      count(t.id)::int AS orders,
      coalesce(sum(t."totalPaise") FILTER (WHERE t.status IN ('DELIVERED', 'COLLECTED')), 0)::float8 AS "revenuePaise",
      count(t.id) FILTER (WHERE t.status = 'CANCELLED')::int AS cancelled,
      count(t.id) FILTER (WHERE t.status = 'REJECTED')::int AS rejected,
      count(t.id) FILTER (WHERE t.status = 'DELIVERY_FAILED')::int AS "deliveryFailed",
      count(t.id) FILTER (WHERE ${IS_LATE})::int AS late
    FROM generate_series(${s.from}::date, ${s.to}::date, interval '1 day') d
    LEFT JOIN timeline t ON ${local(s, Prisma.sql`t."createdAt"`)}::date = d::date
    GROUP BY d ORDER BY d`,

  reasons: () => Prisma.sql`
    SELECT status::text, "closeReason"::text AS code, count(*)::int AS orders
    FROM ranged WHERE status IN ('CANCELLED', 'REJECTED', 'DELIVERY_FAILED')
    GROUP BY status, "closeReason" ORDER BY status, orders DESC, code`,

  hours: () => {
    const stages = {
      placedToAccepted: epochSeconds(Prisma.sql`t.accepted - t.placed`),
      acceptedToReady: epochSeconds(Prisma.sql`t.ready - t.accepted`),
      readyToHandedOver: epochSeconds(Prisma.sql`t.handed_over - t.ready`),
      placedToHandedOver: epochSeconds(Prisma.sql`t.handed_over - t.placed`),
    };
    const columns = Object.entries(stages).map(([name, value]) => Prisma.sql`${p50(value)} AS ${Prisma.raw(`"${name}P50"`)}, ${p90(value)} AS ${Prisma.raw(`"${name}P90"`)}`);
    return Prisma.sql`
      SELECT t.hour, count(*)::int AS orders, ${Prisma.join(columns)}
      FROM timeline t WHERE t.placed IS NOT NULL
      GROUP BY t.hour ORDER BY t.hour`;
  },

  stations: (s) => {
    const time = epochSeconds(Prisma.sql`d.done - t.accepted`);
    return Prisma.sql`
      , station_done AS (
        SELECT e."orderId" AS id, e.payload->>'stationId' AS station_id, max(e."createdAt") AS done
        FROM "OrderEvent" e JOIN ranged r ON r.id = e."orderId"
        WHERE e.type = 'ITEM_DONE'
        GROUP BY 1, 2
      )
      SELECT st.id AS "stationId", st.name AS station, count(t.id)::int AS orders,
        ${p50(time)} AS "acceptedToDoneP50", ${p90(time)} AS "acceptedToDoneP90"
      FROM "Station" st
      LEFT JOIN station_done d ON d.station_id = st.id
      LEFT JOIN timeline t ON t.id = d.id AND t.accepted IS NOT NULL
      WHERE st."restaurantId" = ${s.restaurantId}
      GROUP BY st.id ORDER BY st.position, st.name`;
  },

  items: () => Prisma.sql`
    SELECT mi.id AS "menuItemId", mi.name AS item, sum(oi.quantity)::int AS quantity, count(DISTINCT oi."orderId")::int AS orders
    FROM "OrderItem" oi JOIN ranged r ON r.id = oi."orderId" JOIN "MenuItem" mi ON mi.id = oi."menuItemId"
    GROUP BY mi.id ORDER BY quantity DESC, item`,

  recalls: (s) => Prisma.sql`
    , recall_moves AS (
      SELECT * FROM unnest(${RECALL_MOVES.map((m) => m.from)}::text[], ${RECALL_MOVES.map((m) => m.to)}::text[]) AS m(from_status, to_status)
    ),
    recalled AS (
      SELECT e."orderId" AS id, count(*) AS recalls
      FROM "OrderEvent" e JOIN ranged r ON r.id = e."orderId"
      JOIN recall_moves m ON m.from_status = e.payload->>'from' AND m.to_status = e.payload->>'to'
      WHERE e.type = 'STATUS_CHANGED'
      GROUP BY e."orderId"
    ),
    order_stations AS (
      SELECT DISTINCT oi."orderId" AS id, oi."stationId" AS station_id FROM "OrderItem" oi JOIN ranged r ON r.id = oi."orderId"
    ),
    undos AS (
      SELECT e.payload->>'stationId' AS station_id, count(*) AS undos
      FROM "OrderEvent" e JOIN ranged r ON r.id = e."orderId"
      WHERE e.type = 'ITEM_UNDONE'
      GROUP BY 1
    )
    SELECT st.id AS "stationId", st.name AS station,
      coalesce((SELECT sum(rc.recalls) FROM recalled rc JOIN order_stations os ON os.id = rc.id WHERE os.station_id = st.id), 0)::int AS "orderRecalls",
      coalesce((SELECT u.undos FROM undos u WHERE u.station_id = st.id), 0)::int AS "itemUndos"
    FROM "Station" st WHERE st."restaurantId" = ${s.restaurantId}
    ORDER BY st.position, st.name`,

  late: () => {
    const minutesLate = Prisma.sql`extract(epoch FROM t.past_late)::float8 / 60`;
    return Prisma.sql`
      SELECT t.hour, count(*)::int AS ready, count(*) FILTER (WHERE ${IS_LATE})::int AS late,
        ${p50(minutesLate)} FILTER (WHERE ${IS_LATE}) AS "minutesLateP50",
        ${p90(minutesLate)} FILTER (WHERE ${IS_LATE}) AS "minutesLateP90"
      FROM timeline t WHERE t.ready IS NOT NULL AND t.placed IS NOT NULL
      GROUP BY t.hour ORDER BY t.hour`;
  },
};

/** One table of the report, computed by Postgres over the orders and their event rows. */
export async function reportTable<T extends ReportTable>(restaurant: AdminRestaurant, query: ReportQuery, table: T): Promise<ReportTables[T]> {
  const scope: Scope = { ...query, restaurantId: restaurant.id, timeZone: restaurant.timeZone };
  return db().$queryRaw<ReportTables[T]>(Prisma.sql`WITH ${timeline(scope)} ${TABLES[table](scope)}`);
}

export async function report(restaurant: AdminRestaurant, query: ReportQuery): Promise<Report> {
  // One table after the other: one connection per report, not seven of the pool at once.
  const entries = [];
  for (const table of REPORT_TABLES) entries.push([table, await reportTable(restaurant, query, table)] as const);
  const tables = Object.fromEntries(entries) as ReportTables;
  const total = (key: keyof Report["summary"]) => tables.days.reduce((sum, day) => sum + day[key], 0);
  return {
    restaurant: { slug: restaurant.slug, name: restaurant.name, timeZone: restaurant.timeZone },
    from: query.from,
    to: query.to,
    summary: {
      orders: total("orders"),
      revenuePaise: total("revenuePaise"),
      cancelled: total("cancelled"),
      rejected: total("rejected"),
      deliveryFailed: total("deliveryFailed"),
      late: total("late"),
    },
    tables,
  };
}
