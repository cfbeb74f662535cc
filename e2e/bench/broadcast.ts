import { randomUUID } from "node:crypto";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import type { Menu, RestaurantUpdate } from "@orderly/shared";
import { internalHeaders, signToken } from "@orderly/shared/server";
import { menu } from "../../shared/test/fixtures.ts";
import { closeAll, connectMany } from "./sockets.ts";
import { figures, sleep, type Figures } from "./stats.ts";

/**
 * The client sockets are split over this many threads of the bench process. One thread takes
 * ~45 µs to read each 7 KB update, so 10,000 of them would queue for ~450 ms there and the figure
 * would be the load generator's, not the server's.
 */
const CLIENT_THREADS = 2;

export interface BroadcastResult {
  sockets: number;
  connectMs: number;
  rssPerSocketBytes: number;
  /** One per emit: how long after the POST each socket had it. */
  emits: (Figures & { delivered: number })[];
}

/** A menu of 4 categories × 8 items, about what a restaurant's menu page shows. */
function fullMenu(): Menu {
  const base = menu();
  const categories = ["Starters", "Mains", "Breads", "Desserts"].map((name) => ({
    name,
    items: Array.from({ length: 8 }, (_, i) => ({ ...base.categories[0]!.items[0]!, id: randomUUID(), name: `${name} ${i + 1}`, category: name, description: "House favourite, made to order" })),
  }));
  return { ...base, categories };
}

/** The menu's first item sold out or back, as restaurant event `seq`, with the whole menu after it. */
function availability(of: Menu, available: boolean, seq: number): RestaurantUpdate {
  const [first, ...categories] = of.categories;
  const [item, ...items] = first!.items;
  return {
    event: { id: randomUUID(), restaurantId: of.restaurant.id, seq, type: "ITEM_AVAILABILITY", actorRole: "KITCHEN", at: new Date().toISOString(), payload: { itemId: item!.id, available, soldOutUntil: null } },
    menu: { ...of, seq, categories: [{ ...first!, items: [{ ...item!, available }, ...items] }, ...categories] },
  };
}

/** Milliseconds on a clock that all threads of the process share. */
const now = () => performance.timeOrigin + performance.now();

/**
 * A client thread: connects its sockets; then, told an emit is coming, posts the arrival times of
 * the update once all of its sockets have it, or what it has after 5 s.
 */
async function holdClients({ url, tokens }: { url: string; tokens: string[] }) {
  const { sockets } = await connectMany(url, tokens.length, (i) => ({ token: tokens[i] }));
  let arrivals: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  const report = () => {
    clearTimeout(timer);
    parentPort!.postMessage(arrivals);
    arrivals = [];
  };
  for (const socket of sockets) {
    socket.on("restaurant_update", () => {
      arrivals.push(now());
      if (arrivals.length === sockets.length) report();
    });
  }
  parentPort!.on("message", (message: "emit" | "close") => {
    if (message === "emit") {
      timer = setTimeout(report, 5000);
      return;
    }
    closeAll(sockets);
    parentPort!.close();
  });
  parentPort!.postMessage("connected");
}

function clientThread(url: string, tokens: string[]): Worker {
  // Worker threads do not inherit tsx's loader: register it, then load this file.
  const source = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(source, { eval: true, workerData: { url, tokens } });
}

const nextMessage = <T>(worker: Worker) =>
  new Promise<T>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });

/**
 * One emit to everyone in one room: `sockets` guests on one restaurant's menu page (its menu room)
 * hear an item sell out, a restaurant event carrying the whole menu, `emits` times over.
 */
export async function broadcast(options: {
  url: string;
  sockets: number;
  emits: number;
  jwtSecret: string;
  internalSecret: string;
  rss: () => number;
}): Promise<BroadcastResult> {
  const restaurant = fullMenu();
  const tokens = Array.from({ length: options.sockets }, () => signToken({ role: "guest", sub: randomUUID(), restaurantId: restaurant.restaurant.id }, options.jwtSecret, 3600).token);
  const rssBefore = options.rss();
  const start = performance.now();
  const share = Math.ceil(options.sockets / CLIENT_THREADS);
  const threads = Array.from({ length: CLIENT_THREADS }, (_, i) => clientThread(options.url, tokens.slice(i * share, (i + 1) * share)));
  const emits: BroadcastResult["emits"] = [];
  try {
    await Promise.all(threads.map((thread) => nextMessage(thread)));
    const connectMs = performance.now() - start;
    await sleep(1000);
    const rssPerSocketBytes = (options.rss() - rssBefore) / options.sockets;
    for (let i = 0; i < options.emits; i++) {
      const body = JSON.stringify({ restaurantEvents: [availability(restaurant, i % 2 === 1, i + 1)] });
      const headers = internalHeaders(options.internalSecret, body);
      const arrivals = threads.map((thread) => nextMessage<number[]>(thread));
      for (const thread of threads) thread.postMessage("emit");
      const sentAt = now();
      const response = await fetch(`${options.url}/internal/events`, { method: "POST", headers, body });
      if (response.status !== 202) throw new Error(`POST /internal/events answered ${response.status}: ${await response.text()}`);
      const samples = (await Promise.all(arrivals)).flat().map((at) => ({ at, ms: at - sentAt }));
      emits.push({ ...figures(samples), delivered: samples.length / options.sockets });
      await sleep(500);
    }
    return { sockets: options.sockets, connectMs, rssPerSocketBytes, emits };
  } finally {
    for (const thread of threads) thread.postMessage("close");
  }
}

if (!isMainThread) await holdClients(workerData);
