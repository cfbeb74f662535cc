import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RedisClientType } from "redis";

interface Limit {
  points: number;
  /** Seconds. */
  duration: number;
  keyPrefix: string;
}

/**
 * On Redis: shared across instances, keys over the limit answered from memory, and a memory
 * limiter takes over while Redis is unreachable. Without Redis: this process only.
 */
export function createRateLimiter(limit: Limit, redis: RedisClientType | undefined): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory(limit);
  return new RateLimiterRedis({
    ...limit,
    storeClient: redis,
    useRedisPackage: true,
    inMemoryBlockOnConsumed: limit.points,
    insuranceLimiter: new RateLimiterMemory(limit),
  });
}
