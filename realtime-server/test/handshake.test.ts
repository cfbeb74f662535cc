import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { JWT_SECRET, connectError, connected, ids, next, startServer, token } from "./helpers.ts";

describe("handshake", () => {
  const { restaurantId, kitchenId, staffId } = ids();
  const kitchen = { role: "kitchen", sub: staffId, restaurantId, kitchenId } as const;

  it("tells a missing, invalid and expired token apart", async () => {
    const { port } = await startServer();
    expect(await connectError(port, undefined)).toBe("Authentication required");
    expect(await connectError(port, { token: "" })).toBe("Authentication required");
    expect(await connectError(port, { token: "garbage" })).toBe("Invalid token");
    expect(await connectError(port, { token: token(kitchen, 600, "x".repeat(40)) })).toBe("Invalid token");
    expect(await connectError(port, { token: jwt.sign({ role: "kitchen", sub: staffId }, JWT_SECRET, { expiresIn: 60 }) })).toBe("Invalid token");
    expect(await connectError(port, { token: token(kitchen, -5) })).toBe("Token expired");
    const socket = await connected(port, { token: token(kitchen) });
    expect(socket.connected).toBe(true);
  });

  it("disconnects a socket when its token expires, saying so first", async () => {
    const { port } = await startServer();
    const socket = await connected(port, { token: token({ role: "customer", orderIds: [randomUUID()] }, 1) });
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    expect(await next(socket, "error", 4000)).toMatchObject({ code: "TOKEN_EXPIRED" });
    expect(await disconnected).toBe("io server disconnect");
  });
});
