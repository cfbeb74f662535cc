import { z } from "zod";
import { EnvError, commonEnvShape, parseEnv, portSchema } from "@orderly/shared/server";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_RESTAURANTS } from "@orderly/prisma/seed";
import { join } from "node:path";
import { DATA_DIR, StartError, developmentSecrets, startStack } from "./stack.ts";

const startEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  WEB_PORT: portSchema.default(3000),
  REALTIME_PORT: portSchema.default(3001),
  JWT_SECRET: commonEnvShape.JWT_SECRET.optional(),
  INTERNAL_SECRET: commonEnvShape.INTERNAL_SECRET.optional(),
  SEED_STAFF_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
});

async function main() {
  const env = parseEnv(startEnvSchema);
  const production = env.NODE_ENV === "production";
  let { JWT_SECRET, INTERNAL_SECRET } = env;
  if (!JWT_SECRET || !INTERNAL_SECRET) {
    if (production) throw new EnvError("Invalid environment: JWT_SECRET and INTERNAL_SECRET are required in production");
    ({ JWT_SECRET, INTERNAL_SECRET } = { ...developmentSecrets(), ...(JWT_SECRET && { JWT_SECRET }), ...(INTERNAL_SECRET && { INTERNAL_SECRET }) });
    console.log(`JWT_SECRET/INTERNAL_SECRET not set: using generated development secrets (kept in ${join(DATA_DIR, "dev-secrets.json")})`);
  }
  if (production && !env.SEED_STAFF_PASSWORD) {
    throw new EnvError("Invalid environment: SEED_STAFF_PASSWORD is required in production (the demo password is refused)");
  }

  const stack = await startStack({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    webPort: env.WEB_PORT,
    realtimePort: env.REALTIME_PORT,
    jwtSecret: JWT_SECRET!,
    internalSecret: INTERNAL_SECRET!,
    staffPassword: env.SEED_STAFF_PASSWORD,
  });

  const password = env.SEED_STAFF_PASSWORD ? "(SEED_STAFF_PASSWORD)" : DEMO_PASSWORD;
  console.log(`
Orderly is running.
  Customer:  ${stack.webUrl}/            (order from ${DEMO_RESTAURANTS.map((r) => `${stack.webUrl}/r/${r.slug}`).join(", ")})
  Kitchen:   ${stack.webUrl}/kitchen
  Delivery:  ${stack.webUrl}/delivery
  Realtime:  ${stack.realtimeUrl}/healthz
  Demo logins, for each restaurant (${DEMO_RESTAURANTS.map((r) => r.slug).join(", ")}): ${DEMO_LOGINS.join(", ")} / ${password}
Press Ctrl-C to stop.
`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("Stopping…");
    await stack.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  const name = await stack.crashed;
  if (stopping) return;
  console.error(`${name} stopped unexpectedly; stopping the rest.`);
  await shutdown(1);
}

main().catch((error: unknown) => {
  if (error instanceof StartError || error instanceof EnvError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
