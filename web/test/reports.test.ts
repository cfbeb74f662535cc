import type { OrderStatus, Report, ReportTables } from "@orderly/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/http/client-address.ts";
import { GET as reportRoute } from "../app/api/restaurants/[slug]/reports/route.ts";
import { GET as csvRoute } from "../app/api/restaurants/[slug]/reports/[table]/route.ts";
import { ELSEWHERE, HISTORY, HISTORY_RANGE, insertHistory, minutesAfter } from "./fixtures/report-history.ts";
import { call, login, setupWeb, type Fixture } from "./helpers.ts";

const ZONE = "Asia/Kolkata";
const { from: FROM, to: TO } = HISTORY_RANGE;

// ---- The figures, computed plainly from HISTORY ----

/** Moves back (docs/architecture.md, "Recall"), as "from>to". */
const RECALLS = ["READY>PREPARING", "PREPARING>ACCEPTED", "COLLECTED>READY", "CANCELLED>SCHEDULED", "CANCELLED>PLACED", "CANCELLED>ACCEPTED", "CANCELLED>PREPARING", "REJECTED>SCHEDULED", "REJECTED>PLACED"];

const localParts = (at: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
const localDate = (at: Date) => {
  const p = localParts(at);
  return `${p.year}-${p.month}-${p.day}`;
};
const localHour = (at: Date) => Number(localParts(at).hour);

/** Linear interpolation between the closest ranks, as Postgres's percentile_cont. */
function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * fraction;
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

interface Dish { id: string; name: string; pricePaise: number; prepMinutes: number; stationId: string }
interface StationRow { id: string; name: string }

function expected(dishes: Dish[], stations: StationRow[]): ReportTables {
  const dish = (name: string) => dishes.find((d) => d.name === name)!;
  const inRange = HISTORY.filter((o) => localDate(new Date(o.createdAt)) >= FROM && localDate(new Date(o.createdAt)) <= TO);
  const facts = inRange.map((o) => {
    const first = (...statuses: OrderStatus[]) => {
      const step = o.steps.find(([, move]) => statuses.includes(move as OrderStatus));
      return step ? minutesAfter(o, step[0]).getTime() : null;
    };
    const placed = first("PLACED");
    const ready = first("READY");
    const prep = Math.max(...Object.keys(o.items).map((name) => dish(name).prepMinutes));
    const kitchenStart = o.releaseAfter === undefined ? Date.parse(o.createdAt) : minutesAfter(o, o.releaseAfter).getTime();
    const pastLate = ready === null ? null : ready - (kitchenStart + 2 * prep * 60_000);
    const total = Object.entries(o.items).reduce((sum, [name, quantity]) => sum + dish(name).pricePaise * quantity, 0);
    const stationDone = new Map<string, number>();
    for (const [minutes, move] of o.steps) {
      if (move.startsWith("done:")) stationDone.set(dish(move.slice(5)).stationId, minutesAfter(o, minutes).getTime());
    }
    const moves = o.steps.filter(([, move]) => !move.includes(":"));
    const statuses = moves.map(([, move]) => move);
    const recalls = statuses.filter((to, i) => i > 0 && RECALLS.includes(`${statuses[i - 1]}>${to}`)).length;
    return {
      order: o,
      status: statuses.at(-1) as OrderStatus,
      reason: moves.at(-1)![2] ?? null,
      day: localDate(new Date(o.createdAt)),
      hour: placed === null ? null : localHour(new Date(placed)),
      placed,
      accepted: first("ACCEPTED"),
      ready,
      handedOver: first("DELIVERED", "COLLECTED"),
      late: pastLate !== null && pastLate > 0,
      minutesLate: pastLate === null ? null : pastLate / 60_000,
      total,
      stationDone,
      stations: new Set(Object.keys(o.items).map((name) => dish(name).stationId)),
      recalls,
    };
  });
  const seconds = (a: number | null, b: number | null) => (a === null || b === null ? [] : [(b - a) / 1000]);
  const days = [FROM, "2026-11-11", TO].map((date) => {
    const of = facts.filter((f) => f.day === date);
    return {
      date,
      orders: of.length,
      revenuePaise: of.filter((f) => f.status === "DELIVERED" || f.status === "COLLECTED").reduce((sum, f) => sum + f.total, 0),
      cancelled: of.filter((f) => f.status === "CANCELLED").length,
      rejected: of.filter((f) => f.status === "REJECTED").length,
      deliveryFailed: of.filter((f) => f.status === "DELIVERY_FAILED").length,
      late: of.filter((f) => f.late).length,
    };
  });
  const hoursPresent = [...new Set(facts.flatMap((f) => (f.hour === null ? [] : [f.hour])))].sort((a, b) => a - b);
  const hours = hoursPresent.map((hour) => {
    const of = facts.filter((f) => f.hour === hour);
    const stage = (pick: (f: (typeof facts)[number]) => number[]) => {
      const values = of.flatMap(pick);
      return [percentile(values, 0.5), percentile(values, 0.9)] as const;
    };
    const [placedToAcceptedP50, placedToAcceptedP90] = stage((f) => seconds(f.placed, f.accepted));
    const [acceptedToReadyP50, acceptedToReadyP90] = stage((f) => seconds(f.accepted, f.ready));
    const [readyToHandedOverP50, readyToHandedOverP90] = stage((f) => seconds(f.ready, f.handedOver));
    const [placedToHandedOverP50, placedToHandedOverP90] = stage((f) => seconds(f.placed, f.handedOver));
    return {
      hour, orders: of.length,
      placedToAcceptedP50, placedToAcceptedP90, acceptedToReadyP50, acceptedToReadyP90,
      readyToHandedOverP50, readyToHandedOverP90, placedToHandedOverP50, placedToHandedOverP90,
    };
  });
  const stationTimes = stations.map((s) => {
    const values = facts.flatMap((f) => (f.stationDone.has(s.id) ? seconds(f.accepted, f.stationDone.get(s.id)!) : []));
    return { stationId: s.id, station: s.name, orders: values.length, acceptedToDoneP50: percentile(values, 0.5), acceptedToDoneP90: percentile(values, 0.9) };
  });
  const items = dishes
    .map((d) => {
      const lines = facts.filter((f) => f.order.items[d.name] !== undefined);
      return { menuItemId: d.id, item: d.name, quantity: lines.reduce((sum, f) => sum + f.order.items[d.name]!, 0), orders: lines.length };
    })
    .filter((i) => i.orders > 0);
  const recalls = stations.map((s) => ({
    stationId: s.id,
    station: s.name,
    orderRecalls: facts.filter((f) => f.stations.has(s.id)).reduce((sum, f) => sum + f.recalls, 0),
    itemUndos: inRange.flatMap((o) => o.steps).filter(([, move]) => move.startsWith("undone:") && dish(move.slice(7)).stationId === s.id).length,
  }));
  const readyHours = [...new Set(facts.filter((f) => f.ready !== null).map((f) => f.hour!))].sort((a, b) => a - b);
  const late = readyHours.map((hour) => {
    const of = facts.filter((f) => f.ready !== null && f.hour === hour);
    const minutes = of.filter((f) => f.late).map((f) => f.minutesLate!);
    return { hour, ready: of.length, late: minutes.length, minutesLateP50: percentile(minutes, 0.5), minutesLateP90: percentile(minutes, 0.9) };
  });
  const reasonCounts = new Map<string, number>();
  for (const f of facts) if (f.reason) reasonCounts.set(`${f.status}|${f.reason}`, (reasonCounts.get(`${f.status}|${f.reason}`) ?? 0) + 1);
  const reasons = [...reasonCounts].map(([key, orders]) => {
    const [status, code] = key.split("|");
    return { status, code, orders } as ReportTables["reasons"][number];
  });
  return { days, reasons, hours, stations: stationTimes, items, recalls, late };
}

/** Numbers to 6 decimals: Postgres and this file may round the last bit of a float apart. */
const rounded = <T,>(value: T): T => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v)));
const byKey = <T,>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

// ---- The tests ----

let f: Fixture;
let slug: string;
const tokens = { admin: "", kitchen: "", courier: "", otherAdmin: "" };
let dishes: Dish[];
let stations: StationRow[];

beforeAll(async () => {
  f = await setupWeb("web_reports");
  const [here, there] = f.restaurants;
  slug = here!.slug;
  // A station name a CSV must quote.
  await f.prisma.station.updateMany({ where: { restaurantId: here!.id, name: "Drinks & Desserts" }, data: { name: 'Drinks, "Sweets"' } });
  await insertHistory(f.prisma, here!.id, HISTORY);
  await insertHistory(f.prisma, there!.id, ELSEWHERE);
  dishes = await f.prisma.menuItem.findMany({ where: { restaurantId: here!.id } });
  stations = await f.prisma.station.findMany({ where: { restaurantId: here!.id }, orderBy: [{ position: "asc" }, { name: "asc" }] });
  tokens.admin = (await login(slug, "admin")).token;
  tokens.kitchen = (await login(slug, "kitchen")).token;
  tokens.courier = (await login(slug, "courier1")).token;
  tokens.otherAdmin = (await login(there!.slug, "admin")).token;
});
afterAll(async () => {
  await f?.close();
});

const getReport = (query: string, token = tokens.admin, reportSlug = slug) =>
  call(reportRoute, { path: `/api/restaurants/${reportSlug}/reports?${query}`, token, params: { slug: reportSlug } });

async function getCsv(table: string, query = `from=${FROM}&to=${TO}`) {
  const request = new Request(`http://localhost/api/restaurants/${slug}/reports/${table}?${query}`, {
    headers: { authorization: `Bearer ${tokens.admin}`, [PEER_HEADER]: "127.0.0.1" },
  });
  const response = await csvRoute(request, { params: Promise.resolve({ slug, table }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") rows.push([...row, cell]), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

describe("reports", () => {
  it("computes every figure as the history says, by India's dates and hours", async () => {
    const response = await getReport(`from=${FROM}&to=${TO}`);
    expect(response.status).toBe(200);
    const report = response.body as Report;
    const want = expected(dishes, stations);

    expect(report.restaurant).toEqual({ slug, name: expect.any(String), timeZone: ZONE });
    expect(rounded(report.tables.days)).toEqual(rounded(want.days));
    expect(report.tables.reasons).toEqual(byKey(want.reasons, (r) => r.status));
    expect(rounded(report.tables.hours)).toEqual(rounded(want.hours));
    expect(rounded(report.tables.stations)).toEqual(rounded(want.stations));
    expect(byKey(report.tables.items, (i) => i.menuItemId)).toEqual(byKey(want.items, (i) => i.menuItemId));
    const quantities = report.tables.items.map((i) => i.quantity);
    expect(quantities).toEqual([...quantities].sort((a, b) => b - a));
    expect(report.tables.recalls).toEqual(want.recalls);
    expect(rounded(report.tables.late)).toEqual(rounded(want.late));
    const sum = (key: keyof Report["summary"]) => want.days.reduce((total, day) => total + day[key], 0);
    expect(report.summary).toEqual({
      orders: sum("orders"), revenuePaise: sum("revenuePaise"), cancelled: sum("cancelled"),
      rejected: sum("rejected"), deliveryFailed: sum("deliveryFailed"), late: sum("late"),
    });
  });

  it("the history covers what it claims to (so the comparison above means something)", async () => {
    const report = (await getReport(`from=${FROM}&to=${TO}`)).body as Report;
    // R-I and R-K are out by India's date, R-J in; the other restaurant's order never counts.
    expect(report.summary).toEqual({ orders: 10, revenuePaise: expect.any(Number), cancelled: 1, rejected: 1, deliveryFailed: 1, late: 3 });
    expect(report.tables.hours.map((h) => h.hour)).toEqual([0, 10, 12, 13, 19, 20, 23]);
    expect(report.tables.late.filter((h) => h.late > 0).map((h) => [h.hour, h.minutesLateP50])).toEqual([[0, 5], [13, 10], [23, 6]]);
    expect(report.tables.recalls.reduce((sum, s) => sum + s.orderRecalls, 0)).toBe(5);
    expect(report.tables.recalls.reduce((sum, s) => sum + s.itemUndos, 0)).toBe(1);
    expect(report.tables.reasons).toEqual([
      { status: "CANCELLED", code: "ITEM_UNAVAILABLE", orders: 1 },
      { status: "DELIVERY_FAILED", code: "CUSTOMER_UNREACHABLE", orders: 1 },
      { status: "REJECTED", code: "KITCHEN_TOO_BUSY", orders: 1 },
    ]);
  });

  it("an empty range has its days at zero and no rows elsewhere", async () => {
    const report = (await getReport("from=2026-10-01&to=2026-10-02")).body as Report;
    expect(report.tables.days.map((d) => [d.date, d.orders, d.revenuePaise])).toEqual([["2026-10-01", 0, 0], ["2026-10-02", 0, 0]]);
    expect([report.tables.hours, report.tables.items, report.tables.late, report.tables.reasons]).toEqual([[], [], [], []]);
    expect(report.tables.stations.every((s) => s.orders === 0 && s.acceptedToDoneP50 === null)).toBe(true);
  });

  it("is for the restaurant's admins only", async () => {
    for (const token of [tokens.kitchen, tokens.courier, tokens.otherAdmin]) {
      const response = await getReport(`from=${FROM}&to=${TO}`, token);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("FORBIDDEN");
    }
    expect((await getReport(`from=${FROM}&to=${TO}`, "")).status).toBe(401);
    expect((await getReport(`from=${FROM}&to=${TO}`, tokens.admin, "no-such-place")).status).toBe(404);
  });

  it("refuses bad ranges with 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["to=2026-11-12", "from"],
      ["from=2026-11-31&to=2026-12-01", "from"],
      ["from=2026-11-01&to=12/11/2026", "to"],
      ["from=2026-11-12&to=2026-11-10", "to"],
      ["from=2026-01-01&to=2026-04-03", "to"],
    ];
    for (const [query, field] of cases) {
      const response = await getReport(query);
      expect(response.status, query).toBe(400);
      expect(Object.keys(response.body.error.fields), query).toEqual([field]);
    }
    expect((await getReport("from=2026-01-01&to=2026-04-02")).status).toBe(200);
  });

  it("exports each table as CSV that reads back to the same figures", async () => {
    const report = (await getReport(`from=${FROM}&to=${TO}`)).body as Report;
    for (const [table, rows] of Object.entries(report.tables)) {
      const csv = await getCsv(`${table}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-${table}-${FROM}-to-${TO}.csv"`);
      const [header, ...lines] = parseCsv(csv.text);
      const columns = Object.keys(rows[0] ?? {});
      expect(header).toEqual(columns);
      expect(lines).toEqual(rows.map((row) => columns.map((c) => (row[c as keyof typeof row] === null ? "" : String(row[c as keyof typeof row])))));
    }
    expect((await getCsv("stations.csv")).text).toContain('"Drinks, ""Sweets"""');
  });

  it("refuses an unknown table and bad dates in a CSV request", async () => {
    const table = await getCsv("everything.csv");
    expect(table.status).toBe(400);
    expect(JSON.parse(table.text).error.fields).toHaveProperty("table");
    const dates = await getCsv("days.csv", "from=2026-11-10");
    expect(dates.status).toBe(400);
    expect(JSON.parse(dates.text).error.fields).toHaveProperty("to");
  });
});
