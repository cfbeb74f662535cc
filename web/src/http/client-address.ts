import { webEnv } from "../env.ts";

/** Set by web/server.ts from the TCP socket, replacing anything a client sent. */
export const PEER_HEADER = "x-orderly-peer";

/**
 * The address rate limits key on. Without TRUST_PROXY it is the socket's peer, so a forged
 * X-Forwarded-For changes nothing; with TRUST_PROXY=N it is the entry N proxies deep.
 */
export function clientAddress(request: Request): string {
  const hops = webEnv().TRUST_PROXY;
  if (hops > 0) {
    const chain = (request.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const entry = chain[chain.length - hops];
    if (entry) return entry;
  }
  return request.headers.get(PEER_HEADER) ?? "unknown";
}
