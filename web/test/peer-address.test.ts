import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/http/client-address.ts";
import { recordPeerAddress } from "@/http/peer-address.ts";

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer(recordPeerAddress((req, res) => res.end(JSON.stringify(req.headers[PEER_HEADER]))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("web/server.ts peer address", () => {
  it("records the socket's address, overwriting what a client forges", async () => {
    const seen = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" },
    }).then((r) => r.json());
    expect(seen).toBe("127.0.0.1");
  });
});
