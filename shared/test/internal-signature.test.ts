import { describe, expect, it } from "vitest";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, internalHeaders, verifyInternalSignature } from "../src/server.ts";

const SECRET = "internal-secret-internal-secret-internal";
const body = JSON.stringify({ events: [] });

function check(headers: Record<string, string>, rawBody = body, now = Date.now(), secret = SECRET) {
  return verifyInternalSignature({
    secret,
    timestamp: headers[TIMESTAMP_HEADER],
    signature: headers[SIGNATURE_HEADER],
    rawBody: Buffer.from(rawBody),
    now,
  });
}

describe("internal signature", () => {
  it("accepts what it signed, returning the canonical signature", () => {
    const headers = internalHeaders(SECRET, body);
    expect(check(headers)).toEqual({ ok: true, signature: headers[SIGNATURE_HEADER] });
  });

  it("refuses a missing, wrong, stale or tampered signature", () => {
    const headers = internalHeaders(SECRET, body);
    expect(check({ ...headers, [SIGNATURE_HEADER]: "" })).toEqual({ ok: false, reason: "missing" });
    expect(check({ [SIGNATURE_HEADER]: headers[SIGNATURE_HEADER]! })).toEqual({ ok: false, reason: "missing" });
    expect(check(headers, body, Date.now(), "some-other-secret-some-other-secret")).toEqual({ ok: false, reason: "mismatch" });
    expect(check(headers, body + " ")).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ ...headers, [SIGNATURE_HEADER]: "zz" })).toEqual({ ok: false, reason: "mismatch" });
    expect(check(headers, body, Date.now() + 5 * 60_000 + 1)).toEqual({ ok: false, reason: "stale" });
    expect(check(internalHeaders(SECRET, body, Date.now() + 6 * 60_000))).toEqual({ ok: false, reason: "stale" });
    expect(check({ ...headers, [TIMESTAMP_HEADER]: "1e3" })).toEqual({ ok: false, reason: "stale" });
  });

  it("accepts only the canonical form of a right signature: lowercase hex, 64 characters, nothing else", () => {
    const headers = internalHeaders(SECRET, body);
    const signature = headers[SIGNATURE_HEADER]!;
    const variants = [
      signature.toUpperCase(),
      signature.slice(0, 10) + signature.slice(10).toUpperCase(),
      `${signature}00`,
      `${signature}zz`,
      `${signature}!`,
      `${signature} junk`,
      ` ${signature}`,
      `${signature}\t`,
      `${signature.slice(0, 32)} ${signature.slice(32)}`,
      `${signature}, ${signature}`,
      signature.slice(0, 62),
      `0x${signature}`,
      Buffer.from(signature, "hex").toString("base64"),
    ];
    for (const variant of variants) {
      expect(check({ ...headers, [SIGNATURE_HEADER]: variant }), variant).toEqual({ ok: false, reason: "mismatch" });
    }
  });
});
