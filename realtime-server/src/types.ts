import type { ClientToServerEvents, ServerToClientEvents, TokenClaims } from "@orderly/shared";
import type { Server, Socket } from "socket.io";

export interface SocketData {
  claims: TokenClaims;
  expiresAt: number;
}

export type RealtimeIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
