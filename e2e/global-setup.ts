import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { createTestDatabase } from "@orderly/prisma/test-database";
import { startStack } from "../scripts/stack.ts";
import { E2E_CONTROL_PORT, E2E_REALTIME_PORT, E2E_WEB_PORT } from "./ports.ts";

/**
 * Starts the real stack on a fresh, migrated and seeded database, and a control endpoint on
 * 127.0.0.1 through which tests stop and start the realtime server. Returns the teardown.
 */
export default async function globalSetup() {
  const database = await createTestDatabase("e2e");
  process.env.E2E_DATABASE_URL = database.url;
  try {
    const stack = await startStack({
      databaseUrl: database.url,
      webPort: E2E_WEB_PORT,
      realtimePort: E2E_REALTIME_PORT,
      jwtSecret: randomBytes(32).toString("hex"),
      internalSecret: randomBytes(32).toString("hex"),
      env: { OUTBOX_MAX_BACKOFF_MS: "1000" },
      quiet: !process.env.E2E_VERBOSE,
    });
    const control = createServer((req, res) => {
      const action = req.method === "POST" && req.url === "/realtime/stop" ? stack.stopRealtime : req.method === "POST" && req.url === "/realtime/start" ? stack.startRealtime : null;
      if (!action) return void res.writeHead(404).end();
      action().then(
        () => res.writeHead(204).end(),
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
    await new Promise<void>((resolve) => control.listen(E2E_CONTROL_PORT, "127.0.0.1", resolve));
    return async () => {
      control.close();
      await stack.stop();
      await database.drop();
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
