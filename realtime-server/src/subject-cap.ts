import { connectRefusal } from "./connect-refusal.ts";
import type { Metrics } from "./metrics.ts";
import type { ConnectMiddleware, RealtimeSocket } from "./types.ts";

/**
 * io.use middleware, after authenticate: at most `max` open sockets per token subject. Counted in
 * this process only, so behind several instances the bound is instances × max.
 */
export function capSocketsPerSubject(max: number, metrics: Metrics): ConnectMiddleware {
  const open = new Map<string, Set<RealtimeSocket>>();
  return (socket, next) => {
    const { subject } = socket.data;
    const sockets = open.get(subject) ?? new Set<RealtimeSocket>();
    // A socket admitted here whose transport closed before it connected never emits "disconnect".
    for (const admitted of sockets) if (!admitted.connected && admitted.conn.readyState !== "open") sockets.delete(admitted);
    if (sockets.size >= max) {
      metrics.connectionsRefused.inc({ reason: "subject_cap" });
      return next(connectRefusal({ code: "TOO_MANY_CONNECTIONS", message: `At most ${max} connections per token` }));
    }
    sockets.add(socket);
    open.set(subject, sockets);
    socket.once("disconnect", () => {
      sockets.delete(socket);
      if (sockets.size === 0) open.delete(subject);
    });
    next();
  };
}
