import { randomBytes } from "node:crypto";
import { createTestDatabase } from "@orderly/prisma/test-database";
import { startStack } from "../scripts/stack.ts";
import { E2E_REALTIME_PORT, E2E_WEB_PORT } from "./ports.ts";

/** Starts the real stack on a fresh, migrated and seeded database; returns its teardown. */
export default async function globalSetup() {
  const database = await createTestDatabase("e2e");
  try {
    const stack = await startStack({
      databaseUrl: database.url,
      webPort: E2E_WEB_PORT,
      realtimePort: E2E_REALTIME_PORT,
      jwtSecret: randomBytes(32).toString("hex"),
      internalSecret: randomBytes(32).toString("hex"),
      quiet: !process.env.E2E_VERBOSE,
    });
    return async () => {
      await stack.stop();
      await database.drop();
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
