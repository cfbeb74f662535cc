import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@orderly/shared";
import { bearerToken } from "@orderly/shared/server";
import express from "express";
import type { Metrics } from "./metrics.ts";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * GET /metrics for Prometheus, behind `Authorization: Bearer <METRICS_TOKEN>`. Without a token
 * configured there is no route (404): the port is public.
 */
export function metricsEndpoint(metrics: Metrics, token: string | undefined) {
  const router = express.Router();
  if (!token) return router;
  // Comparing digests keeps the comparison constant-time whatever the length given.
  const expected = digest(token);
  router.get("/metrics", async (req, res) => {
    const given = bearerToken(req.get("authorization"));
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.status(401).set("WWW-Authenticate", "Bearer").json(new AppError("UNAUTHORIZED", "Metrics need Authorization: Bearer <METRICS_TOKEN>").toBody());
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
