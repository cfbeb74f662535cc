// The outbox relay and the scheduler of due changes on their own, for deployments where web runs
// serverless: npm run relay -w web
import { EnvError } from "@orderly/shared/server";
import { outboxRelay } from "../src/outbox/relay.ts";
import { startScheduler } from "../src/scheduler.ts";

try {
  const relay = outboxRelay();
  startScheduler();
  console.log("outbox relay and scheduler running");
  const stop = () => void relay.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
