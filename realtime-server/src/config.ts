import { commonEnvShape, parseEnv, portSchema } from "@orderly/shared/server";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

export const realtimeEnvSchema = z.object({
  ...commonEnvShape,
  REALTIME_PORT: portSchema.default(3001),
  WEB_ORIGIN: z.url().default("http://localhost:3000"),
  REDIS_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Client events a socket may send per window before they are dropped. */
  RATE_LIMIT_SOCKET_EVENTS: positiveInt.default(20),
  RATE_LIMIT_SOCKET_WINDOW_SECONDS: positiveInt.default(10),
  /** Largest POST /internal/events body, in bytes. */
  INTERNAL_MAX_BODY_BYTES: positiveInt.default(512 * 1024),
  /** How long SIGTERM may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
});

export type RealtimeConfig = z.infer<typeof realtimeEnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  return parseEnv(realtimeEnvSchema, env);
}
