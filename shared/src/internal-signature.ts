import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-orderly-signature";
export const TIMESTAMP_HEADER = "x-orderly-timestamp";
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

/** The only signature form accepted: lowercase hex of an HMAC-SHA256, nothing around it. */
const CANONICAL_SIGNATURE = /^[0-9a-f]{64}$/;

/** HMAC-SHA256 (hex) over "<timestamp>.<raw body>". */
export function signInternalBody(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
}

export function internalHeaders(secret: string, rawBody: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return {
    "content-type": "application/json",
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signInternalBody(secret, timestamp, rawBody),
  };
}

/**
 * On success, `signature` is the one canonical signature of this request: a replay guard keyed on
 * it cannot be passed by re-encoding the header (upper case, trailing bytes), which
 * Buffer.from(hex) would otherwise ignore.
 */
export type SignatureCheck = { ok: true; signature: string } | { ok: false; reason: "missing" | "stale" | "mismatch" };

export function verifyInternalSignature(args: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now?: number;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, now = Date.now() } = args;
  if (!timestamp || !signature) return { ok: false, reason: "missing" };
  const sentAt = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > SIGNATURE_WINDOW_MS) return { ok: false, reason: "stale" };
  if (!CANONICAL_SIGNATURE.test(signature)) return { ok: false, reason: "mismatch" };
  const expected = signInternalBody(secret, timestamp, rawBody);
  if (!timingSafeEqual(Buffer.from(signature, "hex"), Buffer.from(expected, "hex"))) return { ok: false, reason: "mismatch" };
  return { ok: true, signature: expected };
}
