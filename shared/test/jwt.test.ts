import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims } from "../src/index.ts";
import { bearerToken, signToken, verifyToken } from "../src/server.ts";

const SECRET = "a-test-secret-that-is-long-enough-to-use";
const kitchen: TokenClaims = {
  role: "kitchen",
  sub: "00000000-0000-4000-8000-000000000004",
  restaurantId: "00000000-0000-4000-8000-000000000001",
  kitchenId: "00000000-0000-4000-8000-000000000002",
  ver: 0,
  authAt: 1_790_000_000,
};

describe("tokens", () => {
  it("round-trips claims and reports the expiry", () => {
    const { token, expiresAt } = signToken(kitchen, SECRET, 60);
    const verified = verifyToken(token, SECRET);
    expect(verified).toEqual({ ok: true, claims: kitchen, expiresAt });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(55_000);
  });

  it("tells missing, invalid and expired apart", () => {
    expect(verifyToken(undefined, SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(verifyToken("", SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(verifyToken("not.a.jwt", SECRET)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyToken(signToken(kitchen, "another-secret-also-long-enough-xx", 60).token, SECRET)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(verifyToken(signToken(kitchen, SECRET, -10).token, SECRET)).toEqual({ ok: false, reason: "expired" });
    expect(verifyToken(`${signToken(kitchen, SECRET, 60).token}${"x".repeat(5000)}`, SECRET)).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts an expired token only when asked to (refreshing a staff session), never a forged one", () => {
    const expired = signToken(kitchen, SECRET, -10).token;
    expect(verifyToken(expired, SECRET, { ignoreExpiration: true })).toMatchObject({ ok: true, claims: kitchen });
    expect(verifyToken(signToken(kitchen, "another-secret-also-long-enough-xx", -10).token, SECRET, { ignoreExpiration: true }).ok).toBe(false);
  });

  it("refuses a token from another issuer, another algorithm or with claims outside the schema", () => {
    const opts = { expiresIn: 60, audience: TOKEN_AUDIENCE } as const;
    expect(verifyToken(jwt.sign(kitchen, SECRET, { ...opts, issuer: "someone-else" }), SECRET).ok).toBe(false);
    expect(verifyToken(jwt.sign(kitchen, SECRET, { ...opts, issuer: TOKEN_ISSUER, algorithm: "HS512" }), SECRET).ok).toBe(false);
    const extra = jwt.sign({ ...kitchen, orderIds: [] }, SECRET, { ...opts, issuer: TOKEN_ISSUER });
    expect(verifyToken(extra, SECRET)).toEqual({ ok: false, reason: "invalid" });
    const noKitchen = jwt.sign({ role: "kitchen", sub: kitchen.sub }, SECRET, { ...opts, issuer: TOKEN_ISSUER });
    expect(verifyToken(noKitchen, SECRET)).toEqual({ ok: false, reason: "invalid" });
  });

  it("reads bearer tokens from the Authorization header", () => {
    expect(bearerToken("Bearer abc.def")).toBe("abc.def");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});
