import { webEnv } from "./env.ts";

/**
 * Where browsers reach the realtime server, decided per request so that changing
 * NEXT_PUBLIC_REALTIME_URL or REALTIME_PORT needs no rebuild. Unset, it is the host the page
 * was loaded from on REALTIME_PORT, which also works for tablets on the kitchen's LAN.
 */
export function realtimeUrlFor(headers: Headers): string {
  const env = webEnv();
  if (env.NEXT_PUBLIC_REALTIME_URL) return env.NEXT_PUBLIC_REALTIME_URL;
  const hostname = (headers.get("host") ?? "localhost").replace(/:\d+$/, "");
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${hostname}:${env.REALTIME_PORT}`;
}
