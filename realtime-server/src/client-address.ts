import type { IncomingMessage } from "node:http";
import { forwardedAddress } from "@orderly/shared/server";

/**
 * The address per-address limits key on. Without proxies (trustProxy 0) the TCP peer, so a forged
 * X-Forwarded-For changes nothing; behind `trustProxy` proxies, the address they saw (the same
 * rule as web's TRUST_PROXY).
 */
export function clientAddress(request: IncomingMessage, trustProxy: number): string {
  return forwardedAddress(request.headers["x-forwarded-for"]?.toString(), trustProxy) ?? request.socket.remoteAddress ?? "unknown";
}
