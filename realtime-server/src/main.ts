import { EnvError } from "@orderly/shared/server";
import { startRealtimeServer } from "./app.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";

try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const server = await startRealtimeServer(config, { logger }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") throw new EnvError(`REALTIME_PORT ${config.REALTIME_PORT} is already in use.`);
    throw error;
  });
  const stop = (signal: string) => {
    logger.info({ signal }, "shutting down");
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
