import { AppError, internalEventBatchSchema, menuRoom, orderRoom, validationError } from "@orderly/shared";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyInternalSignature } from "@orderly/shared/server";
import express, { type ErrorRequestHandler, type Request, type Response } from "express";
import type { Logger } from "pino";
import { deliveriesFor, type Delivery } from "./fan-out.ts";
import type { Metrics } from "./metrics.ts";
import type { ReplayGuard } from "./replay-guard.ts";
import type { RealtimeIo } from "./types.ts";

type EmittedEvent = Delivery["event"] | "restaurant_update" | "courier_position";

interface Deps {
  io: RealtimeIo;
  internalSecret: string;
  maxBodyBytes: number;
  replayGuard: ReplayGuard;
  metrics: Metrics;
  logger: Logger;
}

/**
 * POST /internal/events: the signed batches web's outbox sends, fanned out to rooms (restaurant
 * events to its menu room), and the couriers' positions web pushes as they come (to the order's room).
 */
export function internalEventsRouter(deps: Deps) {
  const { io, metrics, logger } = deps;
  const router = express.Router();

  const send = (res: Response, status: number, body: unknown) => {
    metrics.internalRequests.inc({ status: String(status) });
    res.status(status).json(body);
  };
  const fail = (res: Response, error: AppError) => send(res, error.status, error.toBody());

  router.post(
    "/internal/events",
    express.raw({ type: () => true, limit: deps.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = verifyInternalSignature({
        secret: deps.internalSecret,
        timestamp: req.get(TIMESTAMP_HEADER),
        signature: req.get(SIGNATURE_HEADER),
        rawBody,
      });
      if (!check.ok) {
        logger.warn({ reason: check.reason, address: req.socket.remoteAddress }, "internal request refused");
        return fail(res, new AppError("UNAUTHORIZED", `Signature ${check.reason}`));
      }
      if (!(await deps.replayGuard.firstUse(check.signature))) {
        logger.warn({ address: req.socket.remoteAddress }, "internal request replayed");
        return fail(res, new AppError("UNAUTHORIZED", "Signature already used"));
      }
      if (!req.is("application/json")) return fail(res, new AppError("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json"));
      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString("utf8"));
      } catch {
        return fail(res, new AppError("BAD_REQUEST", "body: malformed JSON"));
      }
      const parsed = internalEventBatchSchema.safeParse(json);
      if (!parsed.success) return fail(res, validationError(parsed.error));
      // One counter update per event name and batch, not one per emit: this loop is the hot path.
      const emitted = new Map<EmittedEvent, number>();
      const count = (event: EmittedEvent) => emitted.set(event, (emitted.get(event) ?? 0) + 1);
      for (const update of parsed.data.events) {
        for (const delivery of deliveriesFor(update)) {
          io.to(delivery.rooms).emit(delivery.event, update);
          count(delivery.event);
        }
      }
      for (const update of parsed.data.restaurantEvents) {
        io.to(menuRoom(update.event.restaurantId)).emit("restaurant_update", update);
        count("restaurant_update");
      }
      for (const position of parsed.data.positions) {
        io.to(orderRoom(position.orderId)).emit("courier_position", position);
        count("courier_position");
      }
      for (const [event, n] of emitted) metrics.eventsEmitted.inc({ event }, n);
      send(res, 202, { accepted: [...parsed.data.events, ...parsed.data.restaurantEvents].map((u) => u.event.id) });
    },
  );

  // Errors of reading the body (express.raw): their messages may quote request headers, so none is echoed.
  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status: unknown = error?.status;
    if (status === 413) return fail(res, new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${deps.maxBodyBytes} bytes`));
    if (status === 415) return fail(res, new AppError("UNSUPPORTED_MEDIA_TYPE", "body: unsupported encoding or charset"));
    if (typeof status === "number" && status >= 400 && status < 500) return fail(res, new AppError("BAD_REQUEST", "body: could not be read"));
    logger.error({ err: error }, "internal endpoint failed");
    fail(res, new AppError("INTERNAL", "Internal error"));
  };
  router.use(onError);
  return router;
}
