import { randomUUID } from "node:crypto";
import type { OrderUpdate } from "@orderly/shared";
import { internalHeaders, signToken } from "@orderly/shared/server";
import { statusUpdate, ticket, ticketItem } from "../../shared/test/fixtures.ts";
import { closeAll, connectMany } from "./sockets.ts";
import { figures, paced, sleep, type Figures, type Sample } from "./stats.ts";

export interface FanOutStep {
  rate: number;
  sent: number;
  received: number;
  figures: Figures;
}

export interface FanOutResult {
  sockets: number;
  connectMs: number;
  rssPerSocketBytes?: number;
  steps: FanOutStep[];
}

function template(): OrderUpdate {
  const order = ticket({
    code: "BENCH",
    items: [ticketItem({ name: "Prawn Moilee", notes: "no nuts" }), ticketItem({ name: "Kerala Parotta", quantity: 2, unitPricePaise: 3000 })],
  });
  return statusUpdate(order, "PLACED", "ACCEPTED", 2);
}

/**
 * Targeted room emits at increasing rates: every socket watches a room of its own and the
 * emitter picks rooms at random. `target` is ours (signed internal batches, tokens) or the bare
 * baseline (plain POST, no auth); the workload is the same.
 */
export async function fanOut(options: {
  url: string;
  kind: "orderly" | "bare";
  sockets: number;
  rates: number[];
  seconds: number;
  jwtSecret: string;
  internalSecret: string;
  rss?: () => number;
}): Promise<FanOutResult> {
  const rooms = Array.from({ length: options.sockets }, () => randomUUID());
  const rssBefore = options.rss?.();
  const { sockets, ms } = await connectMany(options.url, options.sockets, (i) =>
    options.kind === "orderly" ? { token: signToken({ role: "customer", sub: randomUUID(), orderIds: [rooms[i]!] }, options.jwtSecret, 3600).token } : { room: `order:${rooms[i]}` },
  );
  await sleep(1000);
  const rssPerSocketBytes = rssBefore !== undefined ? (options.rss!() - rssBefore) / options.sockets : undefined;
  let samples: Sample[] = [];
  for (const socket of sockets) {
    socket.on("status_update", (u: OrderUpdate) => {
      const sent = Date.parse(u.event.at);
      samples.push({ at: sent, ms: Date.now() - sent });
    });
  }
  const base = template();
  const steps: FanOutStep[] = [];
  try {
    // A first, unreported second at the first rate warms up the server (JIT, zod's compiled parsers),
    // which would otherwise land in the first step's p99.
    for (const rate of [-options.rates[0]!, ...options.rates]) {
      samples = [];
      let sent = 0;
      const posts: Promise<unknown>[] = [];
      await paced(Math.abs(rate), rate < 0 ? 1 : options.seconds, (count) => {
        const at = new Date().toISOString();
        const updates = Array.from({ length: count }, () => {
          const room = rooms[Math.floor(Math.random() * rooms.length)]!;
          return { event: { ...base.event, id: randomUUID(), orderId: room, at }, ticket: { ...base.ticket, id: room } };
        });
        sent += count;
        for (let i = 0; i < updates.length; i += 100) {
          const chunk = updates.slice(i, i + 100);
          const body = JSON.stringify(options.kind === "orderly" ? { events: chunk } : chunk.map((u) => ({ room: `order:${u.ticket.id}`, payload: u })));
          posts.push(
            fetch(`${options.url}${options.kind === "orderly" ? "/internal/events" : "/emit"}`, {
              method: "POST",
              headers: options.kind === "orderly" ? internalHeaders(options.internalSecret, body) : { "content-type": "application/json" },
              body,
            }).then((r) => r.arrayBuffer()),
          );
        }
      });
      await Promise.allSettled(posts);
      await sleep(1000);
      if (rate > 0) steps.push({ rate, sent, received: samples.length, figures: figures(samples) });
    }
  } finally {
    closeAll(sockets);
  }
  return { sockets: options.sockets, connectMs: ms, rssPerSocketBytes, steps };
}
