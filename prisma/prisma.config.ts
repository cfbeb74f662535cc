import { defineConfig } from "prisma/config";
import { databaseUrlFromEnv } from "./src/database-url.ts";

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: databaseUrlFromEnv(process.env) },
});
