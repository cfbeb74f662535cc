// The outbox relay on its own, for deployments where web runs serverless: npm run relay -w web
import { EnvError } from "@orderly/shared/server";
import { outboxRelay } from "../src/outbox/relay.ts";

try {
  const relay = outboxRelay();
  console.log("outbox relay running");
  const stop = () => void relay.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
