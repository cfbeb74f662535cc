// Benchmarks: npm run bench [-- --quick]. Writes a table to stdout and docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "../../scripts/root.ts";
import { broadcast } from "./broadcast.ts";
import { fanOut, type FanOutResult } from "./fan-out.ts";
import { bareOrdersTarget } from "./bare-orders-target.ts";
import { orderScenarios, scaleOutTable, scenarioTables, targetsTable } from "./order-section.ts";
import { orderlyTarget } from "./orderly-target.ts";
import { runOrders, TO_KITCHEN } from "./orders.ts";
import { Servers } from "./servers.ts";
import { cells } from "./stats.ts";

const { values: args } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const SECONDS = args.quick ? 3 : 8;
const SCENARIOS = orderScenarios(args.quick);
const ORDER_SCENARIOS = [SCENARIOS.clientMoves, SCENARIOS.kitchenMoves, SCENARIOS.lifecycle];
const KITCHEN_MOVES = ORDER_SCENARIOS.indexOf(SCENARIOS.kitchenMoves);
const EMIT_RATES = args.quick ? [1000] : [1000, 2000, 5000, 10000];
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const servers = await Servers.start();
const out: string[] = [];
try {
  // 1. Orders, the floor first (before web runs, so that its transaction counts are its own), then Orderly with one realtime process.
  const orderOptions = { idle: 1000, seconds: SECONDS, transactions: () => servers.committedTransactions() };
  log("scenario 1: orders against the floor (bare order server)");
  const floor = await runOrders(await bareOrdersTarget(await servers.bareOrders()), ORDER_SCENARIOS, orderOptions);
  await servers.processes.stop("bare-orders");
  log("scenario 1: orders against Orderly, one realtime server");
  const realtimeA = await servers.realtime("realtime-a");
  const web = await servers.web(realtimeA);
  const orderly = await runOrders(await orderlyTarget({ webUrl: web, realtimeUrl: realtimeA, jwtSecret: servers.jwtSecret }), ORDER_SCENARIOS, orderOptions);

  // 2 and 3. Fan-out of one realtime process, ours and the bare baseline, same workload.
  const fan: { name: string; result: FanOutResult }[] = [];
  for (const count of args.quick ? [1000] : [1000, 5000]) {
    log(`scenario 2: fan-out, ${count} sockets`);
    await servers.processes.stop("realtime-a");
    const url = await servers.realtime("realtime-a");
    fan.push({
      name: `Orderly, ${count} sockets`,
      result: await fanOut({ url, kind: "orderly", sockets: count, rates: EMIT_RATES, seconds: SECONDS / 2, jwtSecret: servers.jwtSecret, internalSecret: servers.internalSecret, rss: () => servers.processes.rss("realtime-a") }),
    });
    log(`scenario 3: bare Socket.IO, ${count} sockets`);
    const bare = await servers.bare();
    fan.push({
      name: `bare Socket.IO, ${count} sockets`,
      result: await fanOut({ url: bare, kind: "bare", sockets: count, rates: EMIT_RATES, seconds: SECONDS / 2, jwtSecret: servers.jwtSecret, internalSecret: servers.internalSecret, rss: () => servers.processes.rss("bare") }),
    });
    await servers.processes.stop("bare");
  }

  // 4. Scale-out: web posts to A, the sockets are on B, Redis carries the emits.
  log("scenario 4: two realtime servers on Redis");
  await servers.redis();
  await servers.processes.stop("realtime-a");
  await servers.realtime("realtime-a", { redis: true });
  const realtimeB = await servers.realtime("realtime-b", { redis: true });
  const scaleOut = { ...SCENARIOS.clientMoves, rates: SCENARIOS.clientMoves.rates.slice(0, 2) };
  const { steps: [scaled] } = await runOrders(await orderlyTarget({ webUrl: web, realtimeUrl: realtimeB, jwtSecret: servers.jwtSecret }), [scaleOut], orderOptions);

  // 5. One emit to every socket of one room, 10,000 of them on one realtime process.
  const broadcastSockets = args.quick ? 2000 : 10_000;
  log(`scenario 5: one emit to ${broadcastSockets} sockets`);
  await servers.processes.stop("realtime-a");
  const broadcastUrl = await servers.realtime("realtime-a");
  const wide = await broadcast({ url: broadcastUrl, sockets: broadcastSockets, emits: args.quick ? 2 : 8, jwtSecret: servers.jwtSecret, internalSecret: servers.internalSecret, rss: () => servers.processes.rss("realtime-a") });
  const broadcastReport = [
    "",
    `## 5. One emit to ${wide.sockets} sockets of one room (guests on one restaurant's menu page, one realtime server)`,
    "",
    "| emit | delivered | p50 | p99 |",
    "| ---: | ---: | ---: | ---: |",
    ...wide.emits.map((e, i) => `| ${i + 1} | ${(100 * e.delivered).toFixed(1)}% | ${Math.round(e.p50)} | ${Math.round(e.p99)} |`),
    "",
    `Connecting all took ${Math.round(wide.connectMs)} ms; RSS per socket ${(wide.rssPerSocketBytes / 1024).toFixed(1)} KB; p99 of one emit ${Math.round(Math.min(...wide.emits.map((e) => e.p99)))}–${Math.round(Math.max(...wide.emits.map((e) => e.p99)))} ms.`,
  ];

  // The report.
  const version = (pkg: string) => JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  out.push(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC at commit ${commit} on ${cpus().length} × ${cpus()[0]?.model.trim()} with ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, socket.io ${version("socket.io")}, next ${version("next")}, prisma ${version("@prisma/client")}, Postgres on 127.0.0.1. Load generators run in this process; every server is a process of its own. Latencies in ms; "p99 noise" is the min–max of p99 over the step's one-second windows.`);
  out.push("", "## 1. Orders against the floor (1,000 idle sockets connected, one realtime server)", "", ...targetsTable(orderly.steps[KITCHEN_MOVES]!, floor.steps[KITCHEN_MOVES]!));
  out.push("", `Transactions per order leave out what each commits idle: Orderly ${orderly.idleTransactionsPerSecond.toFixed(1)}/s, the floor ${floor.idleTransactionsPerSecond.toFixed(1)}/s.`);
  for (const [i, scenario] of ORDER_SCENARIOS.entries()) {
    out.push("", `### 1${"abc"[i]}. ${scenario.title}`, "", ...scenarioTables(scenario, orderly.steps[i]!, floor.steps[i]!));
  }

  out.push("", "## 2 and 3. Fan-out of one realtime process, against a bare Socket.IO server", "");
  out.push("| server | connect all | RSS per socket | emits/s | delivered | p50 | p95 | p99 | p99 noise |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const { name, result } of fan) {
    for (const [i, step] of result.steps.entries()) {
      const head = i === 0 ? `${name} | ${Math.round(result.connectMs)} ms | ${((result.rssPerSocketBytes ?? 0) / 1024).toFixed(1)} KB` : ` | | `;
      out.push(`| ${head} | ${step.rate} | ${((100 * step.received) / Math.max(1, step.sent)).toFixed(1)}% | ${cells(step.figures)} |`);
    }
  }
  const best = (result: FanOutResult) => Math.max(0, ...result.steps.filter((s) => s.received >= 0.99 * s.sent && s.figures.p99 < 10).map((s) => s.rate));
  out.push("", "| sockets | highest emits/s with p99 < 10 ms: Orderly | bare | p99 at 1,000 emits/s: Orderly | bare | ratio |", "| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (let i = 0; i < fan.length; i += 2) {
    const [ours, bare] = [fan[i]!.result, fan[i + 1]!.result];
    const [p99o, p99b] = [ours.steps[0]!.figures.p99, bare.steps[0]!.figures.p99];
    out.push(`| ${ours.sockets} | ${best(ours)} | ${best(bare)} | ${p99o.toFixed(1)} | ${p99b.toFixed(1)} | ${(p99o / p99b).toFixed(2)} |`);
  }

  out.push("", "## 4. Scale-out: web posts to instance A, sockets on instance B, Redis adapter between", "", ...scaleOutTable(scaleOut, scaled!));
  for (const step of scaled!) {
    const [one, two] = [orderly.steps[0]!.find((s) => s.rate === step.rate)?.figures[TO_KITCHEN], step.figures[TO_KITCHEN]!];
    if (one) out.push(`- at ${step.rate}/s: order → kitchen p50 ${(two.p50 - one.p50).toFixed(1)} ms, p99 ${(two.p99 - one.p99).toFixed(1)} ms added by the second hop`);
  }
  out.push(...broadcastReport);
} finally {
  await servers.stopAll();
}

const report = out.join("\n");
console.log(`\n${report}\n`);
if (!args.quick) {
  const head = readFileSync(join(ROOT, "docs/benchmarks.md"), "utf8").split("<!-- results -->")[0];
  writeFileSync(join(ROOT, "docs/benchmarks.md"), `${head}<!-- results -->\n\n${report}\n`);
}
