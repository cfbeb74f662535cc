import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-orderly-signature";
export const TIMESTAMP_HEADER = "x-orderly-timestamp";
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

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

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

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
  const expected = Buffer.from(signInternalBody(secret, timestamp, rawBody), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
