/**
 * The client address behind `hops` proxies that each append the address they saw to
 * X-Forwarded-For: the entry that many from the end. Entries before it are whatever the client
 * sent and are never trusted. Undefined when the chain is shorter than the proxies.
 */
export function forwardedAddress(forwardedFor: string | null | undefined, hops: number): string | undefined {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops > 0 ? chain[chain.length - hops] : undefined;
}
