import { seriesOf, TO_KITCHEN, type OrderStep, type Scenario } from "./orders.ts";
import { cells, type Figures } from "./stats.ts";

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
  return lines;
}

const kitchenFigure = (steps: OrderStep[], rate: number): [OrderStep | undefined, Figures | undefined] => {
  const step = steps.find((s) => s.rate === rate);
  return [step, step?.figures[TO_KITCHEN]];
};

/** The two targets, judged on the kitchen-moves scenario as ratios to the floor of the same run. */
export function targetsTable(orderly: OrderStep[], floor: OrderStep[]): string[] {
  const [slow, slowP50] = kitchenFigure(orderly, 10);
  const [, slowFloor] = kitchenFigure(floor, 10);
  const [busy, busyFigures] = kitchenFigure(orderly, 100);
  const [busyBare, busyFloor] = kitchenFigure(floor, 100);
  const judged = (met: boolean | undefined) => (met === undefined ? "not run" : met ? "met" : "**missed**");
  const quiet = slowP50 && slowFloor ? slowP50.p50 <= 2 * slowFloor.p50 : undefined;
  const sustained = busy && busyFigures ? busy.failed === 0 && busy.lost === 0 && busyFigures.p99 < 100 : undefined;
  return [
    "| target (this machine, one run) | Orderly | floor | ratio | transactions per order, Orderly / floor | met? |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    `| order → kitchen at 10 orders/s: p50 within 2× the floor | p50 ${ms(slowP50?.p50 ?? NaN)} ms | ${ms(slowFloor?.p50 ?? NaN)} ms | ${times(slowP50?.p50 ?? NaN, slowFloor?.p50 ?? NaN)} | ${slow?.transactionsPerOrder.toFixed(1) ?? "–"} / ${floor.find((s) => s.rate === 10)?.transactionsPerOrder.toFixed(1) ?? "–"} | ${judged(quiet)} |`,
    `| 100 orders/s, one kitchen move each: order → kitchen p99 under 100 ms, nothing lost | p99 ${ms(busyFigures?.p99 ?? NaN)} ms, ${busy?.lost ?? "–"} lost, ${busy?.failed ?? "–"} failed | p99 ${ms(busyFloor?.p99 ?? NaN)} ms, ${busyBare?.lost ?? "–"} lost | ${times(busyFigures?.p99 ?? NaN, busyFloor?.p99 ?? NaN)} | ${busy?.transactionsPerOrder.toFixed(1) ?? "–"} / ${busyBare?.transactionsPerOrder.toFixed(1) ?? "–"} | ${judged(sustained)} |`,
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
  ];
}
