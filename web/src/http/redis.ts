import { createClient, type RedisClientType } from "redis";
import { webEnv } from "../env.ts";
import { log } from "../log.ts";

/** How long the first request waits for Redis before counting in memory. */
const CONNECT_WAIT_MS = 1000;

const globalForRedis = globalThis as unknown as { orderlyRedis?: Promise<RedisClientType | undefined> };

async function connect(url: string): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url, disableOfflineQueue: true });
  client.on("error", (error: Error) => log().warn({ err: error.message }, "redis error"));
  // node-redis keeps reconnecting in the background; while it is not connected, commands fail at
  // once (no offline queue) and callers fall back instead of waiting.
  const connected = client.connect().then(() => true, () => false);
  const ready = await Promise.race([connected, new Promise<false>((r) => setTimeout(() => r(false), CONNECT_WAIT_MS).unref())]);
  if (!ready) log().warn({ url: new URL(url).host }, "redis unreachable for now; rate limits count per process until it is back");
  return client;
}

/** This process's Redis client when REDIS_URL is set; undefined otherwise. */
export function sharedRedis(): Promise<RedisClientType | undefined> {
  const url = webEnv().REDIS_URL;
  globalForRedis.orderlyRedis ??= url ? connect(url) : Promise.resolve(undefined);
  return globalForRedis.orderlyRedis;
}

export async function closeSharedRedis(): Promise<void> {
  const client = await globalForRedis.orderlyRedis;
  globalForRedis.orderlyRedis = undefined;
  if (client?.isOpen) await client.quit().catch(() => undefined);
  else client?.destroy();
}
