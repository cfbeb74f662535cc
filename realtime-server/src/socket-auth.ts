import type { SocketError } from "@orderly/shared";
import { verifyToken, type TokenFailure } from "@orderly/shared/server";
import type { Logger } from "pino";
import { connectRefusal } from "./connect-refusal.ts";
import type { Metrics } from "./metrics.ts";
import type { ConnectMiddleware, RealtimeSocket } from "./types.ts";

const REFUSALS = {
  missing: { code: "UNAUTHORIZED", message: "Authentication required" },
  invalid: { code: "UNAUTHORIZED", message: "Invalid token" },
  expired: { code: "TOKEN_EXPIRED", message: "Token expired" },
} as const satisfies Record<TokenFailure, SocketError>;

/** io.use middleware: the handshake must carry a valid token; its claims decide everything after. */
export function authenticate(secret: string, metrics: Metrics, logger: Logger): ConnectMiddleware {
  return (socket, next) => {
    const verified = verifyToken(socket.handshake.auth?.token, secret);
    if (!verified.ok) {
      logger.info({ reason: verified.reason, address: socket.handshake.address }, "socket refused");
      metrics.connectionsRefused.inc({ reason: verified.reason === "expired" ? "token_expired" : "unauthorized" });
      return next(connectRefusal(REFUSALS[verified.reason]));
    }
    socket.data.claims = verified.claims;
    socket.data.subject = `${verified.claims.role}:${verified.claims.sub}`;
    socket.data.expiresAt = verified.expiresAt.getTime();
    next();
  };
}

/** Disconnects the socket when its token expires, telling it why first. */
export function disconnectAtExpiry(socket: RealtimeSocket): void {
  const timer = setTimeout(() => {
    socket.emit("error", { code: "TOKEN_EXPIRED", message: "Token expired; refresh it and reconnect" });
    socket.disconnect(true);
  }, Math.max(0, socket.data.expiresAt - Date.now()));
  socket.once("disconnect", () => clearTimeout(timer));
}
