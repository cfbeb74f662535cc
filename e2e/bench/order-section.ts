import { seriesOf, TO_KITCHEN, type OrderStep, type Scenario } from "./orders.ts";
import { cells } from "./stats.ts";

/** The order scenarios, each run against Orderly and against the floor. */
export function orderScenarios(quick: boolean) {
  const clientMoves: Scenario = {
    title: "Order to kitchen screen, the client accepting it right after placing",
    moves: ["ACCEPTED"],
    movedBy: "client",
    heardAt: "customer",
    rates: quick ? [50] : [50, 100, 200],
  };
  const kitchenMoves: Scenario = {
    title: "Orders with one kitchen move each: the kitchen accepts every order its socket hears of",
    moves: ["ACCEPTED"],
    movedBy: "kitchen",
    heardAt: "customer",
    rates: quick ? [10, 100] : [10, 25, 50, 100, 200],
  };
  const lifecycle: Scenario = {
    title: "Orders through the full lifecycle: each move posted when the kitchen hears the one before",
    moves: ["ACCEPTED", "PREPARING", "READY", "COLLECTED"],
    movedBy: "kitchen",
    heardAt: "kitchen",
    rates: quick ? [10] : [10, 25, 50],
  };
  return { clientMoves, kitchenMoves, lifecycle };
}

const ms = (n: number) => (Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(1) : Math.round(n).toString());
const times = (ours: number, floor: number) => (Number.isNaN(ours / floor) ? "–" : `${(ours / floor).toFixed(1)}×`);
const counts = (s: OrderStep | undefined) => (s ? `${s.placed} (${s.failed}) | ${s.lost} | ${s.transactionsPerOrder.toFixed(1)}` : "– | – | –");
/** A line per step that had failures: what failed, how often. */
const failureLines = (name: string, steps: OrderStep[]) =>
  steps
    .filter((s) => s.failed > 0)
    .map((s) => `- ${name} at ${s.rate}/s failed: ${Object.entries(s.failures).map(([reason, count]) => `${reason} ×${count}`).join(", ")}`);

/** One scenario's tables: every latency of Orderly beside the floor's and as a ratio to it; then orders, losses and transactions. */
export function scenarioTables(scenario: Scenario, orderly: OrderStep[], floor: OrderStep[]): string[] {
  const lines = [
    "| orders/s | latency | Orderly p50 | p95 | p99 | floor p50 | p95 | p99 | × floor p50 | p95 | p99 |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [i, ours] of orderly.entries()) {
    const bare = floor[i]!;
    for (const label of seriesOf(scenario)) {
      const [o, f] = [ours.figures[label]!, bare.figures[label]!];
      lines.push(`| ${ours.rate} | ${label} | ${ms(o.p50)} | ${ms(o.p95)} | ${ms(o.p99)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${times(o.p50, f.p50)} | ${times(o.p95, f.p95)} | ${times(o.p99, f.p99)} |`);
    }
  }
  lines.push(
    "",
    "| orders/s | Orderly placed (failed) | lost | transactions per order | floor placed (failed) | lost | transactions per order |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...orderly.map((ours, i) => `| ${ours.rate} | ${counts(ours)} | ${counts(floor[i])} |`),
  );
  const failed = [...failureLines("Orderly", orderly), ...failureLines("floor", floor)];
  return failed.length ? [...lines, "", ...failed] : lines;
}

const judged = (met: boolean | undefined) => (met === undefined ? "not run" : met ? "met" : "**missed**");
const perOrder = (ours: OrderStep | undefined, floor: OrderStep | undefined) =>
  `${ours?.transactionsPerOrder.toFixed(1) ?? "–"} / ${floor?.transactionsPerOrder.toFixed(1) ?? "–"}`;

/** The issue's two targets, judged on the kitchen-moves scenario as ratios to the floor of the same run. */
export function targetsTable(orderly: OrderStep[], floor: OrderStep[]): string[] {
  const at = (steps: OrderStep[], rate: number) => steps.find((s) => s.rate === rate);
  const kitchen = (step: OrderStep | undefined) => step?.figures[TO_KITCHEN] ?? { p50: NaN, p99: NaN };
  const [quiet, quietFloor, busy, busyFloor] = [at(orderly, 10), at(floor, 10), at(orderly, 100), at(floor, 100)];
  const quietMet = quiet && kitchen(quiet).p50 <= 2 * kitchen(quietFloor).p50;
  const busyMet = busy && busy.failed === 0 && busy.lost === 0 && kitchen(busy).p99 < 100;
  return [
    "| target (this machine, one run) | Orderly | floor | ratio | transactions per order, Orderly / floor | met? |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    `| order → kitchen at 10 orders/s: p50 within 2× the floor | p50 ${ms(kitchen(quiet).p50)} ms | ${ms(kitchen(quietFloor).p50)} ms | ${times(kitchen(quiet).p50, kitchen(quietFloor).p50)} | ${perOrder(quiet, quietFloor)} | ${judged(quietMet)} |`,
    `| 100 orders/s, one kitchen move each: order → kitchen p99 under 100 ms, nothing lost | p99 ${ms(kitchen(busy).p99)} ms, ${busy?.lost ?? "–"} lost, ${busy?.failed ?? "–"} failed | p99 ${ms(kitchen(busyFloor).p99)} ms, ${busyFloor?.lost ?? "–"} lost | ${times(kitchen(busy).p99, kitchen(busyFloor).p99)} | ${perOrder(busy, busyFloor)} | ${judged(busyMet)} |`,
  ];
}

/** Orderly alone (scale-out has no floor): every latency with its p99 noise, then orders, losses and transactions. */
export function scaleOutTable(scenario: Scenario, steps: OrderStep[]): string[] {
  return [
    "| orders/s | latency | p50 | p95 | p99 | p99 noise |",
    "| ---: | --- | ---: | ---: | ---: | ---: |",
    ...steps.flatMap((step) => seriesOf(scenario).map((label) => `| ${step.rate} | ${label} | ${cells(step.figures[label]!)} |`)),
    "",
    "| orders/s | placed (failed) | lost | transactions per order |",
    "| ---: | ---: | ---: | ---: |",
    ...steps.map((step) => `| ${step.rate} | ${counts(step)} |`),
    ...(steps.some((s) => s.failed > 0) ? ["", ...failureLines("Orderly", steps)] : []),
  ];
}
