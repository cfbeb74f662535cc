import { SIGNATURE_WINDOW_MS } from "@orderly/shared/server";
import type { RedisClientType } from "redis";

/**
 * Remembers the signatures of accepted internal requests for as long as their timestamps are
 * acceptable, so a captured request cannot be sent again. Shared through Redis when there is one,
 * so a replay to another instance is refused too.
 */
export interface ReplayGuard {
  /** True the first time a (canonical) signature is seen, false on a replay. */
  firstUse(signature: string): Promise<boolean>;
}

export function memoryReplayGuard(): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    async firstUse(signature) {
      const now = Date.now();
      for (const [key, expiry] of seen) {
        if (expiry > now) break; // insertion order is expiry order
        seen.delete(key);
      }
      if (seen.has(signature)) return false;
      seen.set(signature, now + 2 * SIGNATURE_WINDOW_MS);
      return true;
    },
  };
}

export function redisReplayGuard(redis: RedisClientType): ReplayGuard {
  return {
    async firstUse(signature) {
      const set = await redis.set(`orderly:internal-signature:${signature}`, "1", { NX: true, PX: 2 * SIGNATURE_WINDOW_MS });
      return set === "OK";
    },
  };
}
