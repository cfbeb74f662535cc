import { describeFieldErrors, fieldErrors, internalEventBatchSchema } from "@orderly/shared";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyInternalSignature } from "@orderly/shared/server";
import express, { type ErrorRequestHandler, type Request, type Response } from "express";
import type { Logger } from "pino";
import { deliveriesFor } from "./fan-out.ts";
import type { Metrics } from "./metrics.ts";
import type { ReplayGuard } from "./replay-guard.ts";
import type { RealtimeIo } from "./types.ts";

interface Deps {
  io: RealtimeIo;
  internalSecret: string;
  maxBodyBytes: number;
  replayGuard: ReplayGuard;
  metrics: Metrics;
  logger: Logger;
}

/** POST /internal/events: the signed batches web's outbox sends, fanned out to rooms. */
export function internalEventsRouter(deps: Deps) {
  const { io, metrics, logger } = deps;
  const router = express.Router();

  const send = (res: Response, status: number, body: unknown) => {
    metrics.internalRequests.inc({ status: String(status) });
    res.status(status).json(body);
  };
  const fail = (res: Response, status: number, code: string, message: string, fields?: Record<string, string>) =>
    send(res, status, { error: { code, message, ...(fields && { fields }) } });

  router.post(
    "/internal/events",
    express.raw({ type: () => true, limit: deps.maxBodyBytes }),
    async (req: Request, res: Response) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = req.get(SIGNATURE_HEADER);
      const check = verifyInternalSignature({
        secret: deps.internalSecret,
        timestamp: req.get(TIMESTAMP_HEADER),
        signature,
        rawBody,
      });
      if (!check.ok) {
        logger.warn({ reason: check.reason, address: req.socket.remoteAddress }, "internal request refused");
        return fail(res, 401, "UNAUTHORIZED", `Signature ${check.reason}`);
      }
      if (!(await deps.replayGuard.firstUse(signature!))) {
        logger.warn({ address: req.socket.remoteAddress }, "internal request replayed");
        return fail(res, 401, "UNAUTHORIZED", "Signature already used");
      }
      if (!req.is("application/json")) return fail(res, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
      let json: unknown;
      try {
        json = JSON.parse(rawBody.toString("utf8"));
      } catch {
        return fail(res, 400, "BAD_REQUEST", "body: malformed JSON");
      }
      const parsed = internalEventBatchSchema.safeParse(json);
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        return fail(res, 400, "BAD_REQUEST", describeFieldErrors(fields), fields);
      }
      for (const update of parsed.data.events) {
        for (const delivery of deliveriesFor(update)) {
          io.to(delivery.rooms).emit(delivery.event, update);
          metrics.eventsEmitted.inc({ event: delivery.event });
        }
      }
      send(res, 202, { accepted: parsed.data.events.map((u) => u.event.id) });
    },
  );

  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, "internal endpoint failed");
    const message = status === 413 ? `body: larger than ${deps.maxBodyBytes} bytes` : status === 500 ? "Internal error" : String(error.message);
    fail(res, status, status === 413 ? "PAYLOAD_TOO_LARGE" : status === 500 ? "INTERNAL" : "BAD_REQUEST", message);
  };
  router.use(onError);
  return router;
}
