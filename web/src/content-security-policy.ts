/**
 * The Content-Security-Policy of every page: scripts only from this origin with this response's
 * nonce (Next adds it to its own scripts), connections only to this origin and the realtime
 * server (HTTP long-polling and WebSocket), images also from OpenStreetMap's tile server, and no
 * framing by other sites.
 */
export function contentSecurityPolicy(nonce: string, realtimeUrl: string, dev: boolean): string {
  const realtime = new URL(realtimeUrl);
  const websocket = `${realtime.protocol === "https:" ? "wss" : "ws"}://${realtime.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // The delivery map's OpenStreetMap tiles.
    "img-src 'self' data: blob: https://tile.openstreetmap.org",
    "font-src 'self'",
    `connect-src 'self' ${realtime.origin} ${websocket}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
