import { createSecretKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import { REGISTERED_CLAIMS, TOKEN_AUDIENCE, TOKEN_ISSUER, tokenClaimsSchema, type TokenClaims } from "./token-claims.ts";

export type TokenFailure = "missing" | "invalid" | "expired";
export type VerifiedToken =
  | { ok: true; claims: TokenClaims; expiresAt: Date }
  | { ok: false; reason: TokenFailure };

// Given a string, jsonwebtoken first tries (and fails) to parse it as a PEM key on every call,
// which showed as ~5% of web's CPU under load; a KeyObject made once skips that.
const keys = new Map<string, KeyObject>();
function key(secret: string): KeyObject {
  let found = keys.get(secret);
  if (!found) keys.set(secret, (found = createSecretKey(Buffer.from(secret))));
  return found;
}

export function signToken(claims: TokenClaims, secret: string, ttlSeconds: number): { token: string; expiresAt: Date } {
  const token = jwt.sign(claims, key(secret), {
    algorithm: "HS256",
    expiresIn: ttlSeconds,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
  });
  const { exp } = jwt.decode(token) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000) };
}

/** The longest token accepted; anything longer is refused before any parsing. */
export const MAX_TOKEN_LENGTH = 4096;

/** `ignoreExpiration` only for refreshing a staff session, whose lifetime is checked against the account. */
export function verifyToken(token: unknown, secret: string, options: { ignoreExpiration?: boolean } = {}): VerifiedToken {
  if (typeof token !== "string" || token.length === 0) return { ok: false, reason: "missing" };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "invalid" };
  let payload: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, key(secret), {
      algorithms: ["HS256"],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      ignoreExpiration: options.ignoreExpiration ?? false,
    });
    if (typeof decoded === "string") return { ok: false, reason: "invalid" };
    payload = decoded;
  } catch (error) {
    return { ok: false, reason: error instanceof jwt.TokenExpiredError ? "expired" : "invalid" };
  }
  const roleClaims: Record<string, unknown> = { ...payload };
  for (const name of REGISTERED_CLAIMS) delete roleClaims[name];
  const parsed = tokenClaimsSchema.safeParse(roleClaims);
  if (!parsed.success || payload.exp === undefined) return { ok: false, reason: "invalid" };
  return { ok: true, claims: parsed.data, expiresAt: new Date(payload.exp * 1000) };
}

/** Reads `Authorization: Bearer <token>`; undefined when absent or not a bearer token. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1];
}
