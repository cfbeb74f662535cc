import { AppError } from "@orderly/shared";
import { forwardedAddress } from "@orderly/shared/server";
import { webEnv } from "../env.ts";

/** Set by web/server.ts from the TCP socket, replacing anything a client sent. */
export const PEER_HEADER = "x-orderly-peer";

// Process-wide (Next's bundles and server.ts load this module separately): set once server.ts
// wraps the request listener, so PEER_HEADER can be trusted.
const PEER_RECORDED = Symbol.for("orderly.web.peerRecorded");
const flags = globalThis as unknown as Record<symbol, boolean | undefined>;

export function markPeerRecorded(): void {
  flags[PEER_RECORDED] = true;
}

/**
 * Can this process tell a client's address in a way no client can forge? Yes behind TRUST_PROXY
 * proxies (they append the address) or under web/server.ts (it overwrites PEER_HEADER); not under
 * `next start` or `next dev`, where PEER_HEADER would be whatever the client sent.
 */
export function clientAddressIsTrustworthy(): boolean {
  return webEnv().TRUST_PROXY > 0 || flags[PEER_RECORDED] === true;
}

/**
 * The address rate limits key on. Without TRUST_PROXY it is the socket's peer, so a forged
 * X-Forwarded-For changes nothing; with TRUST_PROXY=N it is the entry N proxies deep.
 */
export function clientAddress(request: Request): string {
  const forwarded = forwardedAddress(request.headers.get("x-forwarded-for"), webEnv().TRUST_PROXY);
  if (forwarded) return forwarded;
  if (!clientAddressIsTrustworthy()) throw new AppError("INTERNAL", "web must run under server.ts or behind TRUST_PROXY proxies");
  return request.headers.get(PEER_HEADER) ?? "unknown";
}
