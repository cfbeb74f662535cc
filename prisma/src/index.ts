// What the apps use at run time. The migration runner, seed and test databases have
// subpath exports of their own so that bundlers never pull in file-system code.
export { createPrismaClient } from "./client.ts";
export { ORDER_COLUMNS, ORDER_EVENT_COLUMNS, ORDER_ITEM_COLUMNS, insertSql, type RowOf } from "./bulk-insert.ts";
export { databaseUrlFromEnv } from "./database-url.ts";
export * from "../generated/client.ts";
