import { orderRoom, roomsForClaims, subscribeOrderSchema, type Ack, type ClientToServerEvents } from "@orderly/shared";
import { verifyToken } from "@orderly/shared/server";
import type { Logger } from "pino";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Metrics } from "./metrics.ts";
import type { RealtimeSocket } from "./types.ts";

interface Deps {
  jwtSecret: string;
  /** Keyed by token subject: all sockets of one subject share one budget. */
  limiter: RateLimiterAbstract;
  metrics: Metrics;
  logger: Logger;
}

const CLIENT_EVENTS: ReadonlySet<unknown> = new Set<keyof ClientToServerEvents>(["subscribe_order"]);

/** The metric label of a client event. A client may name an event anything (any length, or a number): never a label. */
const eventLabel = (event: unknown) => (CLIENT_EVENTS.has(event) ? String(event) : "unknown");

/** The acknowledgement callback a client may have sent as the last argument. */
function ackOf(args: unknown[]): (result: Ack) => void {
  const ack = args.at(-1);
  return typeof ack === "function" ? (ack as (result: Ack) => void) : () => undefined;
}

/**
 * Every incoming packet passes here before any handler: over the subject's limit it is answered
 * with RATE_LIMITED and dropped; an unknown event with BAD_REQUEST. Neither echoes the event name.
 */
function screenEvents(socket: RealtimeSocket, { limiter, metrics }: Deps) {
  socket.use(([event, ...args], next) => {
    limiter.consume(socket.data.subject).then(
      () => {
        if (CLIENT_EVENTS.has(event)) return next();
        metrics.clientEventsReceived.inc({ event: "unknown", outcome: "bad_request" });
        socket.emit("error", { code: "BAD_REQUEST", message: `Unknown event; the client events are: ${[...CLIENT_EVENTS].join(", ")}` });
        ackOf(args)({ ok: false, error: "bad request" });
      },
      () => {
        metrics.clientEventsReceived.inc({ event: eventLabel(event), outcome: "rate_limited" });
        socket.emit("error", { code: "RATE_LIMITED", message: "Too many events; this one was dropped" });
        ackOf(args)({ ok: false, error: "rate limited" });
      },
    );
  });
}

function refuse(socket: RealtimeSocket, deps: Deps, reason: string, detail: Record<string, unknown>) {
  deps.logger.warn({ socketId: socket.id, role: socket.data.claims.role, ...detail }, `refused: ${reason}`);
  socket.emit("error", { code: "FORBIDDEN", message: reason });
}

/** Joins the rooms the token allows, then serves client events. */
export function serveSocket(socket: RealtimeSocket, deps: Deps): void {
  const allowed = new Set(roomsForClaims(socket.data.claims));
  void socket.join([...allowed]);
  screenEvents(socket, deps);

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
}
