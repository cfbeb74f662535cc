import { z } from "zod";
import { parseEnv } from "@orderly/shared/server";
import { createPrismaClient } from "./client.ts";
import { databaseUrlFromEnv } from "./database-url.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, seedIfEmpty } from "./seed.ts";

const env = parseEnv(
  z
    .object({
      NODE_ENV: z.string().default("development"),
      SEED_STAFF_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    })
    .refine((e) => e.NODE_ENV !== "production" || e.SEED_STAFF_PASSWORD, {
      path: ["SEED_STAFF_PASSWORD"],
      message: "is required in production (the demo password is refused there)",
    }),
);

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
