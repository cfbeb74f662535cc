import type { SocketError } from "@orderly/shared";
import type { ExtendedError } from "socket.io";

/** The error an io.use middleware refuses a connection with: clients read `err.data.code` in connect_error. */
export function connectRefusal(data: SocketError): ExtendedError {
  return Object.assign(new Error(data.message), { data });
}
