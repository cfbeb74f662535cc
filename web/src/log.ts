import pino, { type Logger } from "pino";
import { webEnv } from "./env.ts";

const globalForLog = globalThis as unknown as { orderlyLog?: Logger };

/** Structured JSON logs, like the realtime server's. Tokens and passwords are never logged; redaction is a second guard. */
export function log(): Logger {
  globalForLog.orderlyLog ??= pino({
    level: webEnv().LOG_LEVEL,
    base: { service: "web" },
    redact: { paths: ["token", "*.token", "password", "*.password", "authorization", "*.authorization"], censor: "[redacted]" },
  });
  return globalForLog.orderlyLog;
}
