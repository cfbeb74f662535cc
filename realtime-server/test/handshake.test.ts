import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { JWT_SECRET, connectError, connected, customerClaims, ids, kitchenClaims, next, startServer, token } from "./helpers.ts";

describe("handshake", () => {
  const kitchen = kitchenClaims(ids());

  it("refuses a missing, invalid or expired token with a code in err.data", async () => {
    const { port } = await startServer();
    const unauthorized = (message: string) => ({ message, data: { code: "UNAUTHORIZED", message } });
    expect(await connectError(port, undefined)).toEqual(unauthorized("Authentication required"));
    expect(await connectError(port, { token: "" })).toEqual(unauthorized("Authentication required"));
    expect(await connectError(port, { token: "garbage" })).toEqual(unauthorized("Invalid token"));
    expect(await connectError(port, { token: 42 })).toEqual(unauthorized("Authentication required"));
    expect(await connectError(port, { token: token(kitchen, 600, "x".repeat(40)) })).toEqual(unauthorized("Invalid token"));
    expect(await connectError(port, { token: jwt.sign({ role: "kitchen", sub: kitchen.sub }, JWT_SECRET, { expiresIn: 60 }) })).toEqual(unauthorized("Invalid token"));
    expect(await connectError(port, { token: token(kitchen, -5) })).toEqual({
      message: "Token expired",
      data: { code: "TOKEN_EXPIRED", message: "Token expired" },
    });
    const socket = await connected(port, { token: token(kitchen) });
    expect(socket.connected).toBe(true);
  });

  it("disconnects a socket when its token expires, saying so first", async () => {
    const { port } = await startServer();
    const socket = await connected(port, { token: token(customerClaims(randomUUID()), 1) });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    expect(await next(socket, "error", 4000)).toMatchObject({ code: "TOKEN_EXPIRED" });
    expect(await disconnected).toBe("io server disconnect");
  });
});
