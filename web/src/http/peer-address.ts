import type { IncomingMessage, ServerResponse } from "node:http";
import { PEER_HEADER, markPeerRecorded } from "./client-address.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Wraps a request listener so PEER_HEADER always holds the TCP peer, whatever the client sent. */
export function recordPeerAddress(listener: Listener): Listener {
  markPeerRecorded();
  return (req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "unknown";
    listener(req, res);
  };
}
