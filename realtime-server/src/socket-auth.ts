import { verifyToken } from "@orderly/shared/server";
import type { Logger } from "pino";
import type { RealtimeSocket } from "./types.ts";

const MESSAGES = { missing: "Authentication required", invalid: "Invalid token", expired: "Token expired" } as const;

/** io.use middleware: the handshake must carry a valid token; its claims decide everything after. */
export function authenticate(secret: string, logger: Logger) {
  return (socket: RealtimeSocket, next: (error?: Error) => void) => {
    const verified = verifyToken(socket.handshake.auth?.token, secret);
    if (!verified.ok) {
      logger.info({ reason: verified.reason, address: socket.handshake.address }, "socket refused");
      return next(new Error(MESSAGES[verified.reason]));
    }
    socket.data.claims = verified.claims;
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
