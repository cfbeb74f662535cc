import type { IncomingMessage } from "node:http";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { clientAddress } from "./client-address.ts";
import type { Metrics } from "./metrics.ts";

/**
 * Engine.IO's allowRequest: asked for each new connection (never for a session's later requests),
 * before Socket.IO reads any token. Over the limit the handshake is answered 403 (polling) or 400
 * (WebSocket upgrade) by Engine.IO.
 */
export function limitHandshakesPerAddress(limiter: RateLimiterAbstract, trustProxy: number, metrics: Metrics) {
  return (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    limiter.consume(clientAddress(request, trustProxy)).then(
      () => callback(null, true),
      () => {
        metrics.connectionsRefused.inc({ reason: "address_rate" });
        callback("Too many connections from this address", false);
      },
    );
  };
}
