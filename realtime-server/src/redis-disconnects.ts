import type { Logger } from "pino";
import {
  AbortError,
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
} from "redis";

// TimeoutError: a command that waited in the offline queue longer than its timeout;
// AbortError: a command still queued when the client was closed.
const DISCONNECTS = [
  SocketClosedUnexpectedlyError,
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  SocketTimeoutError,
  TimeoutError,
  AbortError,
];

/**
 * The Socket.IO Redis adapter publishes without handling the promise, so a command in flight
 * when Redis goes away rejects unhandled, and Node's default is to exit. While Redis restarts
 * that is expected (those packets are lost; clients resynchronise): log it and carry on. Any
 * other unhandled rejection is rethrown, keeping the default crash for real bugs.
 * Returns the function that removes the handler.
 */
export function tolerateRedisDisconnects(logger: Logger): () => void {
  const handler = (reason: unknown) => {
    if (DISCONNECTS.some((type) => reason instanceof type)) {
      logger.warn({ err: (reason as Error).message }, "redis command lost while Redis was unreachable");
      return;
    }
    throw reason;
  };
  process.on("unhandledRejection", handler);
  return () => process.off("unhandledRejection", handler);
}
