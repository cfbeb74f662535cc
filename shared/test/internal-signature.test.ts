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
  it("accepts what it signed", () => {
    expect(check(internalHeaders(SECRET, body))).toEqual({ ok: true });
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
});
