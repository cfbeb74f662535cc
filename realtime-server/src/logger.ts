import pino, { type DestinationStream, type Logger } from "pino";

/** Structured JSON logs. Tokens and signatures are never passed to the logger; redaction is a second guard. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "realtime-server" },
      redact: { paths: ["token", "*.token", "auth", "*.auth", "headers", "*.headers", "signature"], censor: "[redacted]" },
    },
    destination,
  );
}
