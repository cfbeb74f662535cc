import { AppError } from "@orderly/shared";
import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { webEnv } from "../env.ts";
import { sharedRedis } from "./redis.ts";

export type RateLimitName = "orders" | "logins" | "guests" | "positions";

const globalForLimits = globalThis as unknown as { orderlyLimiters?: Map<RateLimitName, Promise<RateLimiterAbstract>> };

async function create(name: RateLimitName): Promise<RateLimiterAbstract> {
  const env = webEnv();
  const perMinute = {
    orders: env.RATE_LIMIT_ORDERS_PER_MINUTE,
    logins: env.RATE_LIMIT_LOGINS_PER_MINUTE,
    guests: env.RATE_LIMIT_GUEST_TOKENS_PER_MINUTE,
    positions: env.RATE_LIMIT_POSITIONS_PER_MINUTE,
  };
  const options = {
    points: perMinute[name],
    duration: 60,
    keyPrefix: `orderly:web:${name}`,
  };
  const redis = await sharedRedis();
  // On Redis the count is shared by every web process; while Redis is unreachable each process counts alone.
  if (redis) return new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true, insuranceLimiter: new RateLimiterMemory(options) });
  // The processes of one WEB_PROCESSES cluster count in their primary (web/server.ts).
  return cluster.isWorker ? new RateLimiterCluster(options) : new RateLimiterMemory(options);
}

function limiter(name: RateLimitName): Promise<RateLimiterAbstract> {
  const limiters = (globalForLimits.orderlyLimiters ??= new Map());
  if (!limiters.has(name)) limiters.set(name, create(name));
  return limiters.get(name)!;
}

/** Counts a request against `key` (the caller's address, or an account); 429 with Retry-After past the limit. */
export async function rateLimit(name: RateLimitName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `Too many requests; try again in ${seconds} s`, { headers: { "Retry-After": String(seconds) } });
  }
}
