import { parseEnv, seedPasswordEnvSchema } from "@orderly/shared/server";
import { createPrismaClient } from "./client.ts";
import { databaseUrlFromEnv } from "./database-url.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, seedIfEmpty } from "./seed.ts";

const env = parseEnv(seedPasswordEnvSchema);

const password = env.SEED_STAFF_PASSWORD ?? DEMO_PASSWORD;
const prisma = createPrismaClient(databaseUrlFromEnv(process.env), { maxConnections: 1 });
try {
  const result = await seedIfEmpty(prisma, password);
  console.log(result.seeded ? "Seeded the demo chain:" : "Database already has restaurants; nothing seeded. Logins:");
  for (const r of result.restaurants) {
    console.log(`  ${r.name} (${r.slug}): logins ${DEMO_LOGINS.join(", ")}`);
  }
  console.log(env.SEED_STAFF_PASSWORD ? "  password: from SEED_STAFF_PASSWORD" : `  password: ${DEMO_PASSWORD}`);
} finally {
  await prisma.$disconnect();
}
