import { isFinal, type OrderStatus } from "@orderly/shared";
import type { Socket } from "socket.io-client";
import { Arrivals } from "./arrivals.ts";
import { closeAll, connectMany } from "./sockets.ts";
import { figures, paced, sleep, type Figures, type Sample } from "./stats.ts";
import { failureReason, type HeardUpdate, type OrderTarget } from "./target.ts";

/** An event not heard this long after the POST that caused it was answered counts as lost. */
const HEARD_WITHIN_MS = 10_000;
/** A first, unreported step of every scenario warms the servers up (JIT, pools, route compilation). */
const WARM_UP = { rate: 20, seconds: 3 };
/**
 * Postgres 15 publishes a backend's transaction counts at most once a second, and when one goes
 * idle within a second of its last report, only 10 s later: a step's count is read after that.
 */
const COUNTS_SETTLE_MS = 11_000;

/** Open-loop orders, each moved by the kitchen through `moves`. */
export interface Scenario {
  title: string;
  moves: readonly OrderStatus[];
  /**
   * Who posts the moves: the client right after its subscribe (today's scenario 1), or the kitchen
   * each time its socket hears the order's previous event (and the customer has subscribed).
   */
  movedBy: "client" | "kitchen";
  /** Where a move's latency ends: its event at the customer's socket or at the kitchen's. */
  heardAt: "customer" | "kitchen";
  rates: number[];
}

export interface OrderStep {
  rate: number;
  placed: number;
  /** Orders or moves refused, or requests that failed: how many, and how many of each reason. */
  failed: number;
  failures: Record<string, number>;
  /** Events the kitchen (every seq) or the order's customer (every seq after it subscribed) did not hear. */
  lost: number;
  /** Committed in the database from the step's start until its own were published, less the idle background, per order placed. */
  transactionsPerOrder: number;
  /** By the labels of seriesOf(scenario). */
  figures: Record<string, Figures>;
}

export const ANSWERED = "POST /orders answered";
export const TO_KITCHEN = "order → kitchen";
const moveLabel = (scenario: Scenario, to: OrderStatus) => `${to} move → ${scenario.heardAt}`;
const wholeLabel = (scenario: Scenario) => `order → ${scenario.moves.at(-1)} at kitchen`;

/** The latency figures a scenario reports, in order. */
export function seriesOf(scenario: Scenario): string[] {
  return [ANSWERED, TO_KITCHEN, ...scenario.moves.map((to) => moveLabel(scenario, to)), ...(scenario.moves.length > 1 ? [wholeLabel(scenario)] : [])];
}

export interface OrderRun {
  /** One list of steps per scenario. */
  steps: OrderStep[][];
  /** Transactions the target commits with no orders coming (Orderly's outbox poll and scheduler). */
  idleTransactionsPerSecond: number;
}

interface Reading {
  count: number;
  at: number;
}

interface Tracked {
  id: string;
  seq: number;
  status: OrderStatus;
}

/**
 * Runs each scenario's rates against one target, with `idle` other customer sockets connected
 * throughout. Latencies start at the POST that causes the event. `transactions` reads the
 * database's committed-transaction counter.
 */
export async function runOrders(
  target: OrderTarget,
  scenarios: Scenario[],
  options: { idle: number; seconds: number; transactions: () => Promise<number> },
): Promise<OrderRun> {
  const idle = await connectMany(target.socketUrl, options.idle, () => target.customerAuth());
  const kitchenSocket = await connectMany(target.socketUrl, 1, () => target.kitchenAuth);
  const watchers = await connectMany(target.socketUrl, 50, () => target.customerAuth());
  const kitchen = new Arrivals();
  const customers = new Arrivals();
  for (const event of ["new_order", "status_update", "order_update"]) {
    kitchenSocket.sockets[0]!.on(event, (u: HeardUpdate) => kitchen.note(u.event.orderId, u.event.seq));
    for (const w of watchers.sockets) w.on(event, (u: HeardUpdate) => customers.note(u.event.orderId, u.event.seq));
  }

  let n = 0;
  let open: Tracked[] = [];
  let idlePerSecond = 0;
  const read = async (): Promise<Reading> => ({ count: await options.transactions(), at: performance.now() });
  /** Runs one step; answers it with the counter read once the step's own transactions have been published. */
  const step = async (scenario: Scenario, rate: number, seconds: number, before: Reading): Promise<{ result: OrderStep; after: Reading }> => {
    kitchen.clear();
    customers.clear();
    const samples = new Map<string, Sample[]>();
    const record = (label: string, ms: number) => {
      if (!samples.has(label)) samples.set(label, []);
      samples.get(label)!.push({ at: Date.now(), ms });
    };
    const orders: Tracked[] = [];
    const failures: Record<string, number> = {};
    const fail = (error: unknown) => {
      const reason = failureReason(error);
      failures[reason] = (failures[reason] ?? 0) + 1;
    };

    const drive = async (i: number, watcher: Socket) => {
      const start = performance.now();
      const placed = await target.place(`Bench ${i}`).finally(() => record(ANSWERED, performance.now() - start));
      const order: Tracked = { id: placed.id, seq: 1, status: "PLACED" };
      orders.push(order);
      const toKitchen = kitchen.when(order.id, 1, HEARD_WITHIN_MS).then((at) => at !== null && record(TO_KITCHEN, at - start));
      await placed.subscribe(watcher);
      const heard = scenario.heardAt === "kitchen" ? kitchen : customers;
      let last: number | null = null;
      for (const to of scenario.moves) {
        if (scenario.movedBy === "kitchen" && (await kitchen.when(order.id, order.seq, HEARD_WITHIN_MS)) === null) break;
        const movedAt = performance.now();
        const seq = await target.move(order.id, to);
        Object.assign(order, { seq, status: to });
        last = await heard.when(order.id, seq, HEARD_WITHIN_MS);
        if (last === null) break;
        record(moveLabel(scenario, to), last - movedAt);
      }
      if (scenario.moves.length > 1 && order.status === scenario.moves.at(-1) && last !== null) record(wholeLabel(scenario), last - start);
      await toKitchen;
    };

    const chains: Promise<void>[] = [];
    await paced(rate, seconds, (count) => {
      for (let k = 0; k < count; k++, n++) chains.push(drive(n, watchers.sockets[n % watchers.sockets.length]!).catch(fail));
    });
    await Promise.all(chains);
    await sleep(COUNTS_SETTLE_MS);
    const after = await read();
    const transactions = after.count - before.count - (idlePerSecond * (after.at - before.at)) / 1000;

    let lost = 0;
    for (const order of orders) {
      for (let seq = 1; seq <= order.seq; seq++) if (!kitchen.has(order.id, seq)) lost++;
      for (let seq = 2; seq <= order.seq; seq++) if (!customers.has(order.id, seq)) lost++;
    }
    open.push(...orders.filter((o) => !isFinal(o.status)));
    const series = Object.fromEntries(seriesOf(scenario).map((label) => [label, figures(samples.get(label) ?? [])]));
    const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
    return { result: { rate, placed: orders.length, failed, failures, lost, transactionsPerOrder: transactions / Math.max(1, orders.length), figures: series }, after };
  };

  const results: OrderStep[][] = [];
  try {
    for (const scenario of scenarios) {
      // The warm-up's settling also covers the closing of the previous scenario's open orders.
      let { after } = await step(scenario, WARM_UP.rate, WARM_UP.seconds, { count: 0, at: 0 });
      if (results.length === 0) {
        await sleep(COUNTS_SETTLE_MS);
        const quiet = await read();
        idlePerSecond = (quiet.count - after.count) / ((quiet.at - after.at) / 1000);
        after = quiet;
      }
      const steps: OrderStep[] = [];
      for (const rate of scenario.rates) {
        const done = await step(scenario, rate, options.seconds, after);
        steps.push(done.result);
        after = done.after;
      }
      results.push(steps);
      // Close what is left open, between scenarios (not steps: that would count in the next step's transactions).
      for (let i = 0; i < open.length; i += 20) await Promise.all(open.slice(i, i + 20).map((o) => target.move(o.id, "CANCELLED").catch(() => undefined)));
      open = [];
    }
  } finally {
    closeAll([...idle.sockets, ...kitchenSocket.sockets, ...watchers.sockets]);
  }
  return { steps: results, idleTransactionsPerSecond: idlePerSecond };
}
