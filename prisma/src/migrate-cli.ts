import { databaseUrlFromEnv } from "./database-url.ts";
import { migrate } from "./migrate.ts";

const applied = await migrate(databaseUrlFromEnv(process.env));
console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
