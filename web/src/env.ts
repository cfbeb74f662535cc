import { commonEnvShape, parseEnv, portSchema, refineSecrets } from "@orderly/shared/server";
import { z } from "zod";

const perMinute = z.coerce.number().int().positive();

export const webEnvObject = z.object({
  ...commonEnvShape,
  DATABASE_URL: z.url(),
  REALTIME_PORT: portSchema.default(3001),
  REALTIME_INTERNAL_URL: z.url().optional(),
  NEXT_PUBLIC_REALTIME_URL: z.url().optional(),
  /** When set, rate limits are counted on Redis, shared by every web process. */
  REDIS_URL: z.url().optional(),
  RATE_LIMIT_ORDERS_PER_MINUTE: perMinute.default(30),
  RATE_LIMIT_LOGINS_PER_MINUTE: perMinute.default(10),
  /** Menu pages ask for one guest token each (and again when it expires). */
  RATE_LIMIT_GUEST_TOKENS_PER_MINUTE: perMinute.default(60),
  /** Per courier: a phone sends one position every few seconds for each order it carries. */
  RATE_LIMIT_POSITIONS_PER_MINUTE: perMinute.default(60),
  /** Longest wait between retries while the realtime server cannot be reached. */
  OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().positive().default(30_000),
  /** Web processes sharing WEB_PORT (node:cluster, web/server.ts); rate limits are counted across them. */
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** How many proxies in front of web append to X-Forwarded-For; 0 = use the socket's address. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** How long after a move the kitchen may still undo it (recall). */
  RECALL_WINDOW_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(30),
  /** A staff login lasts at most this long, however often its token is refreshed. */
  STAFF_SESSION_MAX_DAYS: z.coerce.number().positive().max(90).default(7),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

const webEnvSchema = webEnvObject.superRefine(refineSecrets).transform((env) => ({
  ...env,
  REALTIME_INTERNAL_URL: env.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${env.REALTIME_PORT}`,
}));

export type WebEnv = z.infer<typeof webEnvSchema>;

let cached: WebEnv | undefined;

/** Read at request time, not at build time, so a deployment changes it without a rebuild. */
export function webEnv(): WebEnv {
  cached ??= parseEnv(webEnvSchema);
  return cached;
}
