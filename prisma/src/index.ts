export { createPrismaClient } from "./client.ts";
export { migrate, MigrationError, MIGRATIONS_DIR } from "./migrate.ts";
export { seedIfEmpty, DEMO_LOGINS, DEMO_PASSWORD, DEMO_RESTAURANTS } from "./seed.ts";
export { databaseUrlFromEnv, EMBEDDED_DATABASE_URL, EMBEDDED_DATABASE_PORT } from "./database-url.ts";
export * from "../generated/client.ts";
