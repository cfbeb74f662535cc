// npm start: the whole product on this machine, restarting a server that crashes.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { databaseUrlFromEnv } from "@orderly/prisma";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_RESTAURANTS } from "@orderly/prisma/seed";
import { EnvError, commonEnvShape, parseEnv, portSchema, refineSecrets, seedPasswordEnvSchema } from "@orderly/shared/server";
import { developmentSecrets } from "./development-secrets.ts";
import { Launcher, StartError } from "./launcher.ts";
import { restartOnCrash } from "./restart-on-crash.ts";
import { ROOT } from "./root.ts";
import { startStack, type Stack } from "./stack.ts";

const startEnvSchema = z
  .object({
    NODE_ENV: z.string().default("development"),
    DATABASE_URL: z.url().optional(),
    EMBEDDED_DATABASE_PORT: portSchema.optional(),
    ORDERLY_DATA_DIR: z.string().optional(),
    WEB_PORT: portSchema.default(3000),
    REALTIME_PORT: portSchema.default(3001),
    WEB_ORIGIN: z.string().optional(),
    JWT_SECRET: commonEnvShape.JWT_SECRET.optional(),
    INTERNAL_SECRET: commonEnvShape.INTERNAL_SECRET.optional(),
  })
  .superRefine((env, ctx) => {
    const { JWT_SECRET, INTERNAL_SECRET } = env;
    if (JWT_SECRET && INTERNAL_SECRET) refineSecrets({ JWT_SECRET, INTERNAL_SECRET }, ctx);
    if (env.NODE_ENV !== "production") return;
    for (const name of ["JWT_SECRET", "INTERNAL_SECRET"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required in production" });
    }
  });

async function main(): Promise<void> {
  // npm runs this from the repository's root. Variables already set win over the file.
  if (existsSync(".env")) {
    process.loadEnvFile(".env");
    console.log(`Read ${resolve(".env")}`);
  }
  const env = parseEnv(startEnvSchema);
  const { SEED_STAFF_PASSWORD } = parseEnv(seedPasswordEnvSchema);
  const dataDir = env.ORDERLY_DATA_DIR ?? join(ROOT, ".data");

  let { JWT_SECRET, INTERNAL_SECRET } = env;
  if (!JWT_SECRET || !INTERNAL_SECRET) {
    const generated = developmentSecrets(dataDir);
    JWT_SECRET ??= generated.JWT_SECRET;
    INTERNAL_SECRET ??= generated.INTERNAL_SECRET;
    console.log(`JWT_SECRET/INTERNAL_SECRET not set: using generated development secrets (kept in ${generated.file})`);
  }

  const processes = new Launcher();
  let stopping = false;
  const stop = async (code: number, reason?: string) => {
    if (stopping) return;
    stopping = true;
    if (reason) console.error(reason);
    console.log("Stopping…");
    await processes.stopAll();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const embeddedIn = env.DATABASE_URL ? undefined : join(dataDir, "postgres");
  let stack: Stack;
  try {
    stack = await startStack(processes, {
      database: { url: databaseUrlFromEnv(process.env), embeddedIn },
      webPort: env.WEB_PORT,
      realtimePort: env.REALTIME_PORT,
      webOrigin: env.WEB_ORIGIN,
      jwtSecret: JWT_SECRET,
      internalSecret: INTERNAL_SECRET,
      staffPassword: SEED_STAFF_PASSWORD,
    });
  } catch (error) {
    if (stopping) return; // interrupted while starting: stop() exits
    throw error;
  }
  restartOnCrash(processes, (reason) => void stop(1, reason));

  const database = embeddedIn ? `embedded Postgres, data in ${embeddedIn}` : `DATABASE_URL (${new URL(env.DATABASE_URL!).host})`;
  const password = SEED_STAFF_PASSWORD ? "(SEED_STAFF_PASSWORD)" : DEMO_PASSWORD;
  console.log(`
Orderly is running.
  Customer:  ${stack.webUrl}/            (order from ${DEMO_RESTAURANTS.map((r) => `${stack.webUrl}/r/${r.slug}`).join(", ")})
  Kitchen:   ${stack.webUrl}/kitchen
  Delivery:  ${stack.webUrl}/delivery
  Realtime:  ${stack.realtimeUrl}/healthz
  Database:  ${database}
  Demo logins, for each restaurant (${DEMO_RESTAURANTS.map((r) => r.slug).join(", ")}): ${DEMO_LOGINS.join(", ")} / ${password}
A server that crashes is restarted. Press Ctrl-C to stop.
`);
}

main().catch((error: unknown) => {
  if (error instanceof StartError || error instanceof EnvError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
