import { EnvError } from "@orderly/shared/server";
import { startRealtimeServer } from "./app.ts";
import { loadConfig } from "./config.ts";

try {
  const config = loadConfig();
  const server = await startRealtimeServer(config);
  console.log(`realtime-server listening on :${server.port}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  if (error instanceof EnvError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error(`REALTIME_PORT ${process.env.REALTIME_PORT ?? 3001} is already in use.`);
  else console.error(error);
  process.exit(1);
}
