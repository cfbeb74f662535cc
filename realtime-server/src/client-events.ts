import { orderRoom, roomsForClaims, subscribeOrderSchema, type Ack } from "@orderly/shared";
import { verifyToken } from "@orderly/shared/server";
import type { Logger } from "pino";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Metrics } from "./metrics.ts";
import type { RealtimeSocket } from "./types.ts";

interface Deps {
  jwtSecret: string;
  limiter: RateLimiterAbstract;
  metrics: Metrics;
  logger: Logger;
}

/** Every incoming packet passes here first: over the limit it is answered with RATE_LIMITED and dropped. */
function rateLimit(socket: RealtimeSocket, { limiter, metrics }: Deps) {
  socket.use(([event, ...args], next) => {
    limiter.consume(socket.id).then(
      () => next(),
      () => {
        metrics.clientEventsReceived.inc({ event: String(event), outcome: "rate_limited" });
        socket.emit("error", { code: "RATE_LIMITED", message: `Too many events; "${String(event)}" was dropped` });
        const ack = args.at(-1);
        if (typeof ack === "function") ack({ ok: false, error: "rate limited" } satisfies Ack);
      },
    );
  });
}

function refuse(socket: RealtimeSocket, deps: Deps, reason: string, detail: Record<string, unknown>) {
  deps.logger.warn({ socketId: socket.id, role: socket.data.claims.role, ...detail }, `refused: ${reason}`);
  socket.emit("error", { code: "FORBIDDEN", message: reason });
}

/** Joins the rooms the token allows (and leaves any other, after a recovered connection), then serves client events. */
export function serveSocket(socket: RealtimeSocket, deps: Deps): void {
  const allowed = new Set(roomsForClaims(socket.data.claims));
  for (const room of socket.rooms) if (room !== socket.id && !allowed.has(room)) void socket.leave(room);
  void socket.join([...allowed]);
  rateLimit(socket, deps);

  socket.on("subscribe_order", (request, ack) => {
    const reply = typeof ack === "function" ? ack : () => undefined;
    const parsed = subscribeOrderSchema.safeParse(request);
    if (!parsed.success) {
      deps.metrics.clientEventsReceived.inc({ event: "subscribe_order", outcome: "bad_request" });
      socket.emit("error", { code: "BAD_REQUEST", message: "subscribe_order needs { orderId, token? }" });
      return reply({ ok: false, error: "bad request" });
    }
    const { orderId, token } = parsed.data;
    const room = orderRoom(orderId);
    if (allowed.has(room)) {
      deps.metrics.clientEventsReceived.inc({ event: "subscribe_order", outcome: "ok" });
      return reply({ ok: true });
    }
    const verified = token === undefined ? undefined : verifyToken(token, deps.jwtSecret);
    if (verified?.ok && verified.claims.role === "customer" && verified.claims.orderIds.includes(orderId)) {
      allowed.add(room);
      void socket.join(room);
      const leave = setTimeout(() => {
        allowed.delete(room);
        void socket.leave(room);
      }, verified.expiresAt.getTime() - Date.now());
      socket.once("disconnect", () => clearTimeout(leave));
      deps.metrics.clientEventsReceived.inc({ event: "subscribe_order", outcome: "ok" });
      return reply({ ok: true });
    }
    deps.metrics.clientEventsReceived.inc({ event: "subscribe_order", outcome: "forbidden" });
    refuse(socket, deps, "not allowed to watch that order", { orderId, tokenGiven: token !== undefined });
    reply({ ok: false, error: "forbidden" });
  });

  socket.onAny((event: string) => {
    if (event === "subscribe_order") return;
    deps.metrics.clientEventsReceived.inc({ event: "unknown", outcome: "bad_request" });
    socket.emit("error", { code: "BAD_REQUEST", message: `Unknown event "${event.slice(0, 40)}"` });
  });
}
