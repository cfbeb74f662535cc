import type { ClientToServerEvents, ServerToClientEvents, TokenClaims } from "@orderly/shared";
import type { Server, Socket } from "socket.io";

export interface SocketData {
  claims: TokenClaims;
  /** `${role}:${sub}` of the verified token: what socket caps and event limits count against. */
  subject: string;
  expiresAt: number;
}

export type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
/** An io.use middleware. */
export type ConnectMiddleware = (socket: RealtimeSocket, next: (error?: Error) => void) => void;
