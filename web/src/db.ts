import { createPrismaClient, type PrismaClient } from "@orderly/prisma";
import { webEnv } from "./env.ts";

const globalForPrisma = globalThis as unknown as { orderlyPrisma?: PrismaClient };

/** One client per server process (dev hot reload would otherwise open a pool per reload). */
export function db(): PrismaClient {
  globalForPrisma.orderlyPrisma ??= createPrismaClient(webEnv().DATABASE_URL);
  return globalForPrisma.orderlyPrisma;
}
