import { commonEnvShape, parseEnv, portSchema, refineSecrets } from "@orderly/shared/server";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

/** One origin, or several separated by commas (a LAN address and a domain, say). */
const webOriginsSchema = z.string().transform((value, ctx) => {
  const origins = value.split(",").map((origin) => origin.trim());
  for (const origin of origins) {
    if (!isWebOrigin(origin)) ctx.addIssue({ code: "custom", message: `"${origin}" is not an origin such as https://orders.example.com (no path, no trailing slash)` });
  }
  return origins;
});

export const realtimeEnvSchema = z
  .object({
    ...commonEnvShape,
    REALTIME_PORT: portSchema.default(3001),
    /** The browsers' origins (CORS). */
    WEB_ORIGIN: webOriginsSchema.default(["http://localhost:3000"]),
    REDIS_URL: z.url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Client events one token subject may send per window, over all its sockets, before they are dropped. */
    RATE_LIMIT_SOCKET_EVENTS: positiveInt.default(20),
    RATE_LIMIT_SOCKET_WINDOW_SECONDS: positiveInt.default(10),
    /** Open sockets per token subject, in this process. */
    MAX_SOCKETS_PER_SUBJECT: positiveInt.default(10),
    /** New Engine.IO connections per client address per minute, before any authentication. Generous: carrier NAT puts many phones behind one address. */
    HANDSHAKES_PER_ADDRESS_PER_MINUTE: positiveInt.default(600),
    /** How many proxies in front append to X-Forwarded-For; 0 keys on the TCP peer (as in web). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Bearer token that GET /metrics requires; unset, /metrics answers 404. */
    METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
    /**
     * Heartbeat: the server pings every PING_INTERVAL_MS and drops a client silent for PING_TIMEOUT_MS
     * after one; a client that hears no ping for their sum reconnects ("ping timeout").
     */
    PING_INTERVAL_MS: positiveInt.default(5000),
    PING_TIMEOUT_MS: positiveInt.default(5000),
    /** Largest POST /internal/events body, in bytes. */
    INTERNAL_MAX_BODY_BYTES: positiveInt.default(512 * 1024),
    /** How long SIGTERM may take before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  })
  .superRefine(refineSecrets);

export type RealtimeConfig = z.infer<typeof realtimeEnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  return parseEnv(realtimeEnvSchema, env);
}
