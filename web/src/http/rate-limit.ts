import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { webEnv } from "../env.ts";
import { clientAddress } from "./client-address.ts";
import { HttpError } from "./http-error.ts";

const limiters = new Map<string, RateLimiterMemory>();

function limiter(name: "orders" | "logins"): RateLimiterMemory {
  let found = limiters.get(name);
  if (!found) {
    const env = webEnv();
    const points = name === "orders" ? env.RATE_LIMIT_ORDERS_PER_MINUTE : env.RATE_LIMIT_LOGINS_PER_MINUTE;
    found = new RateLimiterMemory({ points, duration: 60, keyPrefix: name });
    limiters.set(name, found);
  }
  return found;
}

/** Counts this request against the caller's address; 429 with Retry-After past the limit. */
export async function rateLimit(name: "orders" | "logins", request: Request): Promise<void> {
  try {
    await limiter(name).consume(clientAddress(request));
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new HttpError(429, "RATE_LIMITED", `Too many requests; try again in ${seconds} s`, undefined, { "Retry-After": String(seconds) });
  }
}
