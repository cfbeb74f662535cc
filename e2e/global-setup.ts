import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createTestDatabase } from "@orderly/prisma/test-database";
import { Launcher } from "../scripts/launcher.ts";
import { startStack } from "../scripts/stack.ts";
import { E2E_CONTROL_PORT, E2E_REALTIME_PORT, E2E_WEB_PORT } from "./ports.ts";

/**
 * Starts the real stack on a fresh, migrated and seeded database, and a control endpoint on
 * 127.0.0.1 through which tests stop, start, pause (SIGSTOP) and resume the realtime server.
 * Returns the teardown.
 */
export default async function globalSetup() {
  const database = await createTestDatabase("e2e");
  process.env.E2E_DATABASE_URL = database.url;
  const processes = new Launcher({ quiet: !process.env.E2E_VERBOSE });
  try {
    await startStack(processes, {
      database: { url: database.url },
      webPort: E2E_WEB_PORT,
      realtimePort: E2E_REALTIME_PORT,
      jwtSecret: randomBytes(32).toString("hex"),
      internalSecret: randomBytes(32).toString("hex"),
      // A dinner service's worth of orders and logins from one address within minutes.
      env: { OUTBOX_MAX_BACKOFF_MS: "1000", RATE_LIMIT_ORDERS_PER_MINUTE: "300", RATE_LIMIT_LOGINS_PER_MINUTE: "100" },
    });
    const actions: Record<string, () => Promise<void>> = {
      "/realtime/stop": () => processes.stop("realtime"),
      "/realtime/start": () => processes.restart("realtime"),
      "/realtime/pause": async () => processes.pause("realtime"),
      "/realtime/resume": async () => processes.resume("realtime"),
    };
    const control = createServer((req, res) => {
      const action = req.method === "POST" ? actions[req.url ?? ""] : undefined;
      if (!action) return void res.writeHead(404).end();
      action().then(
        () => res.writeHead(204).end(),
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
    await new Promise<void>((resolve) => control.listen(E2E_CONTROL_PORT, "127.0.0.1", resolve));
    return async () => {
      control.close();
      await processes.stopAll();
      await database.drop();
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
