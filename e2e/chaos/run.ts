// The fault-injection and load harness: npm run chaos [-- --duration 60 --rate 4 --staff 20 --guests 3 --doc]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { FINAL_STATUSES, type TokenResponse } from "@orderly/shared";
import { createPrismaClient } from "@orderly/prisma";
import { verifyToken } from "@orderly/shared/server";
import { ROOT } from "../../scripts/root.ts";
import { Cluster } from "./cluster.ts";
import { Driver, type Restaurant } from "./driver.ts";
import { fetchMenu, GuestClient } from "./guest-client.ts";
import { answers, request, sleep } from "./http.ts";
import { menuState } from "./menu-state.ts";
import { MenuToggler } from "./menu-toggler.ts";
import { Population } from "./population.ts";
import { Checks, summary } from "./report.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    rate: { type: "string", default: "3" },
    staff: { type: "string", default: "40" },
    /** Menu pages per restaurant. */
    guests: { type: "string", default: "3" },
    "token-ttl": { type: "string", default: "15" },
    doc: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
});
const DURATION = Number(args.duration) * 1000;
const RATE = Number(args.rate);
const STAFF_SOCKETS = Number(args.staff);
const GUESTS = Number(args.guests);

/** A query the harness makes itself (what no screen shows: the stations to log in to, the final state). */
async function withDatabase<T>(query: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const prisma = createPrismaClient(cluster.database.url, { maxConnections: 1 });
  try {
    return await query(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** The claims web put in a login's token: the harness's sockets mint tokens with the same ones. */
function claimsOf(token: string) {
  const verified = verifyToken(token, cluster.jwtSecret);
  if (!verified.ok) throw new Error(`login token refused: ${verified.reason}`);
  return verified.claims;
}

function log(line: string) {
  console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

const cluster = await Cluster.start({ quiet: !args.verbose });
const population = new Population({
  webUrl: cluster.webUrl,
  realtimeUrls: cluster.realtimeUrls,
  jwtSecret: cluster.jwtSecret,
  tokenTtlSeconds: Number(args["token-ttl"]),
});
const checks = new Checks();
const faults: { name: string; from: number; to: number }[] = [];
const guests: GuestClient[] = [];
let exitCode = 1;

try {
  // Staff logins (the expo, every station's screen, a courier), menus and menu pages, over HTTP like the screens.
  const restaurants: Restaurant[] = [];
  const stations = await withDatabase((prisma) => prisma.station.findMany({ include: { restaurant: { select: { slug: true } } } }));
  for (const slug of ["fort-kochi", "edappally"]) {
    const login = async (name: string, stationId?: string) =>
      (await request(`${cluster.webUrl}/api/auth/staff`, { body: { restaurantSlug: slug, login: name, password: "orderly-demo", stationId } })).body as TokenResponse & { token: string };
    const [kitchen, courier] = [await login("kitchen"), await login("courier1")];
    const stationTokens = new Map<string, string>();
    for (const station of stations.filter((s) => s.restaurant.slug === slug)) stationTokens.set(station.id, (await login("kitchen", station.id)).token);
    const menu = await fetchMenu(cluster.webUrl, slug);
    restaurants.push({ slug, kitchenToken: kitchen.token, courierToken: courier.token, stationTokens, menu });
    const [kitchenClaims, courierClaims] = [claimsOf(kitchen.token), claimsOf(courier.token)];
    if (kitchenClaims.role !== "kitchen" || courierClaims.role !== "delivery") throw new Error(`unexpected staff roles for ${slug}`);
    for (let i = 0; i < STAFF_SOCKETS / 4; i++) {
      population.addKitchen(kitchenClaims);
      population.addCourier(courierClaims, slug);
    }
    for (const token of stationTokens.values()) {
      const claims = claimsOf(token);
      if (claims.role !== "station") throw new Error(`unexpected station role for ${slug}`);
      population.addStation(claims);
    }
    for (let i = 0; i < GUESTS; i++) guests.push(await GuestClient.connect(cluster.webUrl, cluster.realtimeUrls[i % cluster.realtimeUrls.length]!, slug));
  }
  log(`cluster up; ${population.clients.length} staff sockets and ${guests.length} menu pages over ${cluster.realtimeUrls.length} realtime instances`);

  const driver = new Driver(cluster.webUrl, restaurants, (orderId) => population.addCustomer(orderId));
  const started = Date.now();
  const loadEnds = started + DURATION * 0.85;
  const deadline = started + DURATION + 90_000;

  const fault = async (name: string, at: number, action: () => Promise<void>, restore: () => Promise<void>, lasting: number) => {
    await sleep(Math.max(0, started + at * DURATION - Date.now()));
    const from = Date.now();
    log(`fault: ${name}`);
    await action();
    await sleep(lasting);
    await restore();
    faults.push({ name, from, to: Date.now() });
    log(`recovered: ${name}`);
  };
  const schedule = (async () => {
    const { processes } = cluster;
    await fault("SIGKILL realtime B, restart after 4 s", 0.12, () => processes.stop("realtime-b", "SIGKILL"), () => processes.restart("realtime-b"), 4000);
    await fault("both realtime servers down for 5 s", 0.27, async () => {
      await Promise.all([processes.stop("realtime-a", "SIGTERM"), processes.stop("realtime-b", "SIGTERM")]);
    }, async () => {
      await Promise.all([processes.restart("realtime-a"), processes.restart("realtime-b")]);
    }, 5000);
    await fault("Redis restarted", 0.42, () => processes.stop("redis", "SIGKILL"), () => processes.restart("redis"), 1000);
    await fault("SIGKILL web, restart", 0.55, () => processes.stop("web", "SIGKILL"), () => processes.restart("web"), 500);
    await fault("Postgres unreachable for 3 s", 0.7, async () => cluster.cutDatabase(), async () => cluster.restoreDatabase(), 3000);
  })();

  const togglers = restaurants.map((r) => new MenuToggler(cluster.webUrl, r.slug, r.kitchenToken, r.menu));
  const toggling = Promise.all(togglers.map((t) => t.run(loadEnds, deadline)));
  let index = 0;
  while (Date.now() < loadEnds) {
    driver.start(index++, deadline);
    await sleep(1000 / RATE);
  }
  log(`load stopped after ${index} orders; waiting for faults to end and orders to finish`);
  await schedule;
  await toggling;
  await driver.finish();

  // Convergence: every event published, every client showing what the database holds.
  const prisma = createPrismaClient(cluster.database.url, { maxConnections: 2 });
  try {
    const converge = async () => {
      const [rows, unpublished, restaurantRows, menus] = await Promise.all([
        prisma.order.findMany({ include: { events: { orderBy: { seq: "asc" } }, items: true } }),
        prisma.orderEvent.count({ where: { publishedAt: null } }),
        prisma.restaurant.findMany({ include: { events: { orderBy: { seq: "asc" } } } }),
        Promise.all(restaurants.map((r) => fetchMenu(cluster.webUrl, r.slug))),
      ]);
      const unpublishedMenu = restaurantRows.reduce((n, r) => n + r.events.filter((e) => e.publishedAt === null).length, 0);
      const byId = new Map(rows.map((o) => [o.id, o]));
      const wrong: { role: string; what: string }[] = [];
      const mismatch = (role: string, what: string) => wrong.push({ role, what });
      for (const client of population.clients) {
        const feed = client.live.feed;
        if (client.role === "customer") {
          const row = byId.get(client.orderId!)!;
          const ticket = feed.ticket(client.orderId!);
          const seqs = feed.timeline(client.orderId!)?.map((e) => e.seq) ?? [];
          if (ticket?.status !== row.status || seqs.join() !== row.events.map((e) => e.seq).join()) {
            mismatch("customer", `customer of ${row.code}: shows ${ticket?.status} [${seqs}] but is ${row.status} [${row.events.map((e) => e.seq)}]`);
          }
        } else {
          const mine = rows.filter((o) =>
            client.role === "kitchen"
              ? o.kitchenId === client.kitchenId
              : client.role === "station"
                ? o.items.some((i) => i.stationId === client.stationId)
                : o.restaurantId === client.restaurantId,
          );
          for (const row of mine) {
            const ticket = feed.ticket(row.id);
            if (ticket && ticket.status !== row.status) mismatch(client.role, `${client.role} shows ${row.code} ${ticket.status} but it is ${row.status}`);
            if (!ticket && client.role === "kitchen" && !FINAL_STATUSES.includes(row.status)) mismatch("kitchen", `kitchen misses active ${row.code}`);
            if (!ticket && client.role === "station" && ["ACCEPTED", "PREPARING"].includes(row.status)) mismatch("station", `station misses ${row.code}`);
            if (!ticket && client.role === "delivery" && row.fulfilment === "DELIVERY" && ["READY", "OUT_FOR_DELIVERY"].includes(row.status)) mismatch("delivery", `courier misses ${row.code}`);
            const doneAsShown = ticket?.items.map((i) => `${i.id}:${i.doneAt !== null}`).sort().join();
            const doneInDatabase = row.items.map((i) => `${i.id}:${i.doneAt !== null}`).sort().join();
            if (ticket && ticket.status === row.status && doneAsShown !== doneInDatabase) mismatch(client.role, `${client.role} shows other items done on ${row.code}`);
          }
        }
      }
      for (const guest of guests) {
        const menu = menus.find((m) => m.restaurant.slug === guest.slug)!;
        const shown = guest.live.restaurant.menu;
        if (!shown || menuState(shown) !== menuState(menu)) mismatch("guest", `menu page of ${guest.slug} shows ${shown ? `seq ${shown.seq}` : "no menu"} but the menu is at seq ${menu.seq}${shown?.seq === menu.seq ? " with other items or ordering" : ""}`);
      }
      return { rows, unpublished, restaurantRows, unpublishedMenu, wrong };
    };
    let state = await converge();
    while ((state.unpublished > 0 || state.unpublishedMenu > 0 || state.wrong.length > 0) && Date.now() < deadline) {
      await sleep(500);
      state = await converge();
    }

    const taken = driver.orders.filter((o) => !o.refused);
    const refusedKeys = new Set(driver.orders.filter((o) => o.refused).map((o) => o.key));
    const refusedFor = (code: string) => driver.orders.filter((o) => o.refused === code).length;
    const acknowledged = taken.filter((o) => o.acknowledged);
    const keys = new Set(driver.orders.map((o) => o.key));
    const stored = state.rows.filter((o) => keys.has(o.idempotencyKey));
    checks.check(acknowledged.length === taken.length, `orders acknowledged: ${acknowledged.length} of ${taken.length} placed and not refused`);
    checks.info(`orders refused by the restaurant: ${refusedFor("UNAVAILABLE_ITEMS")} with an item sold out (422), ${refusedFor("RESTAURANT_PAUSED")} while ordering was paused (409)`);
    checks.check(
      acknowledged.every((o) => stored.some((s) => s.id === o.id)) &&
        stored.length === new Set(stored.map((s) => s.idempotencyKey)).size &&
        stored.length === state.rows.length &&
        stored.every((s) => !refusedKeys.has(s.idempotencyKey)),
      `orders stored: ${stored.length} for ${keys.size} keys (${state.rows.length} in the database): none lost, none twice, none refused`,
    );
    const unfinished = taken.filter((o) => !o.finalStatus);
    checks.check(unfinished.length === 0, `orders driven to the end: ${taken.length - unfinished.length} of ${taken.length}${unfinished.length ? ` (${unfinished.slice(0, 3).map((o) => o.error).join("; ")})` : ""}`);
    checks.check(state.rows.every((o) => o.events.every((e, i) => e.seq === i + 1) && o.events.at(-1)!.seq === o.seq), "every order's events are seq 1..n, no gap, matching the order");
    const eventsOf = (type: string, detail?: (payload: Record<string, unknown>) => boolean) =>
      state.rows.reduce((n, o) => n + o.events.filter((e) => e.type === type && (!detail || detail(e.payload as Record<string, unknown>))).length, 0);
    const recalls = eventsOf("STATUS_CHANGED", (p) => p.from === "READY" && p.to === "PREPARING");
    checks.check(recalls > 0 && eventsOf("ITEM_DONE") > 0, `kitchen operations driven: ${eventsOf("ITEM_DONE")} items bumped by stations, ${recalls} tickets recalled from READY`);
    const events = state.rows.reduce((n, o) => n + o.events.length, 0);
    checks.check(state.unpublished === 0, `events published: ${events - state.unpublished} of ${events} have publishedAt`);
    const menuErrors = togglers.flatMap((t) => t.errors);
    checks.check(menuErrors.length === 0 && togglers.every((t) => t.toggles > 0), `menus toggled: ${togglers.map((t, i) => `${restaurants[i]!.slug} ${t.toggles} changes`).join(", ")}${menuErrors.length ? ` — ${menuErrors.slice(0, 3).join("; ")}` : ""}`);
    const restaurantEvents = state.restaurantRows.flatMap((r) => r.events);
    const itemEvents = (available: boolean, role?: string) =>
      restaurantEvents.filter((e) => e.type === "ITEM_AVAILABILITY" && (e.payload as { available: boolean }).available === available && (!role || e.actorRole === role)).length;
    checks.check(
      state.restaurantRows.every((r) => r.events.every((e, i) => e.seq === i + 1) && (r.events.at(-1)?.seq ?? 0) === r.seq),
      `every restaurant's events are seq 1..n, no gap, matching the restaurant: ${itemEvents(false)} items sold out, ${itemEvents(true)} back (${itemEvents(true, "SYSTEM")} by the scheduler), ${restaurantEvents.filter((e) => e.type === "ORDERING_CHANGED").length} ordering changes`,
    );
    checks.check(state.unpublishedMenu === 0, `restaurant events published: ${restaurantEvents.length - state.unpublishedMenu} of ${restaurantEvents.length} have publishedAt`);
    for (const role of ["customer", "kitchen", "station", "delivery"] as const) {
      const clients = population.clients.filter((c) => c.role === role);
      const wrong = state.wrong.filter((w) => w.role === role).map((w) => w.what);
      const counts = clients.reduce((sum, c) => ({ applied: sum.applied + c.live.feed.counts.applied, duplicate: sum.duplicate + c.live.feed.counts.duplicate, gap: sum.gap + c.live.feed.counts.gap }), { applied: 0, duplicate: 0, gap: 0 });
      const resyncs = clients.reduce((n, c) => n + c.live.resyncs, 0);
      const refreshes = clients.reduce((n, c) => n + c.refreshes, 0);
      checks.check(wrong.length === 0, `${role}: ${clients.length} clients show exactly the database's state${wrong.length ? ` — ${wrong.slice(0, 3).join("; ")}` : ""}`);
      // A staff client that never heard anything (refused, or stuck offline) would show nothing wrong
      // above; a customer may have caught up by snapshots alone.
      const deaf = clients.filter((c) => c.live.status !== "live" || (role !== "customer" && c.live.feed.counts.applied === 0));
      checks.check(deaf.length === 0, `${role}: every client ends live${role === "customer" ? "" : ", having applied pushed events"}${deaf.length ? ` — ${deaf.length} did not (${deaf[0]!.live.status})` : ""}`);
      checks.info(`${role}: ${counts.applied} events applied, ${counts.duplicate} duplicates ignored, ${counts.gap} gaps resolved by ${resyncs} snapshot reads, ${refreshes} token renewals`);
    }
    const guestWrong = state.wrong.filter((w) => w.role === "guest").map((w) => w.what);
    checks.check(guestWrong.length === 0, `guest: ${guests.length} menu pages show exactly the database's menu (seq, items, ordering)${guestWrong.length ? ` — ${guestWrong.slice(0, 3).join("; ")}` : ""}`);
    const deafGuests = guests.filter((g) => g.live.status !== "live" || g.live.restaurant.counts.applied === 0);
    checks.check(deafGuests.length === 0, `guest: every menu page ends live, having applied pushed restaurant events${deafGuests.length ? ` — ${deafGuests.length} did not (${deafGuests[0]!.live.status})` : ""}`);
    for (const { slug } of restaurants) {
      const mine = guests.filter((g) => g.slug === slug);
      const counts = mine.map(({ live: { restaurant: { counts } } }) => `${counts.applied}/${counts.duplicate}/${counts.gap}`).join(", ");
      checks.info(`guest ${slug}: restaurant events applied/duplicate/gap per menu page ${counts}; ${mine.map((g) => g.live.resyncs).join(", ")} snapshot reads, ${mine.reduce((n, g) => n + g.refreshes, 0)} token renewals`);
    }
    checks.check(cluster.crashes.length === 0, `no process crashed${cluster.crashes.length ? `: ${cluster.crashes.join("; ")}` : ""}`);
    const tally = [...answers].sort(([a], [b]) => a - b).map(([status, n]) => `${status || "no answer"} ×${n}`).join(", ");
    checks.check(![500, 502, 504].some((s) => answers.has(s)), `HTTP answers to the harness: ${tally} (503 while Postgres was cut, no answer while web was down; never a 500)`);
    const calm = (at: number) => faults.every((f) => at < f.from || at > f.to + 2000);
    const latency = (role: string, event: string) =>
      population.arrivals.filter((a) => a.role === role && a.event === event && calm(a.at) && calm(Date.parse(a.update.event.at))).map((a) => a.at - Date.parse(a.update.event.at));
    checks.info(`latency outside fault windows, commit → kitchen new_order: ${summary(latency("kitchen", "new_order"))}`);
    checks.info(`latency outside fault windows, commit → customer status_update: ${summary(latency("customer", "status_update"))}`);
    checks.info(`sockets: ${population.clients.length + guests.length} (${population.clients.filter((c) => c.role === "customer").length} customers, ${guests.length} menu pages); faults: ${faults.map((f) => f.name).join("; ")}`);
  } finally {
    await prisma.$disconnect();
  }
  exitCode = checks.failures === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
  checks.check(false, `harness error: ${(error as Error).message}`);
} finally {
  population.close();
  for (const guest of guests) guest.live.close();
  await cluster.stop();
}

const report = checks.lines.join("\n");
const passed = checks.lines.filter((l) => l.startsWith("ok")).length;
console.log(`\nChaos run: ${args.duration} s, ${RATE} orders/s\n${report}\nchaos: ${passed} passed, ${checks.failures} failed`);
if (args.doc) {
  const doc = join(ROOT, "docs/reliability.md");
  writeFileSync(doc, `${readDocHead()}\n## Last long run\n\n${new Date().toISOString().slice(0, 10)}, ${args.duration} s at ${RATE} orders/s, \`npm run chaos -- --duration ${args.duration} --rate ${RATE} --staff ${STAFF_SOCKETS} --doc\`:\n\n\`\`\`\n${report}\n\`\`\`\n`);
}
process.exit(exitCode);

function readDocHead(): string {
  return `# Reliability

\`npm run chaos\` starts the product as a small production-like cluster on this machine (one web
process, two realtime servers on their own Redis, Postgres behind a TCP proxy the harness can
cut), connects headless kitchen, courier, customer and menu-page clients built on the same
\`LiveFeed\` the screens use, places orders over HTTP at a steady rate and drives each through its
lifecycle, has each kitchen sell items out and back, pause ordering and change busy mode, and
meanwhile: SIGKILLs a realtime server and restarts it, stops both for 5 s, restarts Redis,
SIGKILLs and restarts web, and makes Postgres unreachable for 3 s. Socket tokens expire every
15 s, so every client renews its token and reconnects during the run.

It then checks that every order is stored exactly once (an order refused because an item sold out
or ordering was paused is counted, never stored), every event is published, every order's and
every restaurant's events are gapless, every client shows exactly what the database holds and
every menu page the database's menu; it prints latency percentiles outside the fault windows and
exits non-zero on any mismatch. A 60 s run is part of \`npm test\`.
`;
}
