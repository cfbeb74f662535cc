import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseEnv, seedPasswordEnvSchema } from "@orderly/shared/server";
import { createPrismaClient } from "./client.ts";
import { databaseUrlFromEnv } from "./database-url.ts";
import { DEFAULT_HISTORY_DAYS, MAX_HISTORY_DAYS, seedHistory } from "./history.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, seedIfEmpty } from "./seed.ts";

const USAGE = `Usage: npm run db:seed [-- --history [days]]   (days: 1-${MAX_HISTORY_DAYS}, default ${DEFAULT_HISTORY_DAYS})`;

/** null without --history; its days otherwise. */
function historyDays(args: string[]): number | null {
  if (args.length === 0) return null;
  const [flag, value, ...rest] = args;
  const days = value === undefined ? DEFAULT_HISTORY_DAYS : Number(value);
  if (flag !== "--history" || rest.length > 0 || !Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) {
    console.error(USAGE);
    process.exit(1);
  }
  return days;
}

/** Ascending YYYY-MM-DD dates, consecutive ones as a range: "2025-06-01 to 2025-06-14, 2025-06-20". */
function dayRanges(dates: string[]): string {
  const runs: string[][] = [];
  for (const date of dates) {
    const run = runs.at(-1);
    if (run && Date.parse(date) - Date.parse(run.at(-1)!) === 86_400_000) run.push(date);
    else runs.push([date]);
  }
  return runs.map((run) => (run.length === 1 ? run[0] : `${run[0]} to ${run.at(-1)}`)).join(", ");
}

const days = historyDays(process.argv.slice(2));
// The same database as `npm start`, which reads the repository's .env (variables already set win).
const rootEnv = fileURLToPath(new URL("../../.env", import.meta.url));
if (existsSync(rootEnv)) process.loadEnvFile(rootEnv);
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
  if (days !== null) {
    const started = performance.now();
    const history = await seedHistory(prisma, { days });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`History of the ${days} days before today and today until now: ${history.orders} orders, ${history.events} events (${seconds} s).`);
    for (const slug of new Set(history.skipped.map((s) => s.restaurant))) {
      const dates = history.skipped.filter((s) => s.restaurant === slug).map((s) => s.date);
      console.log(`  ${slug} already had history on ${dayRanges(dates)}: left as it was.`);
    }
  }
} finally {
  await prisma.$disconnect();
}
