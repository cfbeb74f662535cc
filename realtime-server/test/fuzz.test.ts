import { SIGNATURE_HEADER, TIMESTAMP_HEADER, internalHeaders } from "@orderly/shared/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INTERNAL_SECRET, connected, ids, kitchenClaims, next, post, recorder, startServer, token, update } from "./helpers.ts";

describe("POST /internal/events under random input", () => {
  it("never answers 5xx or crashes, and emits nothing for a body it refuses", async () => {
    const server = await startServer({ INTERNAL_MAX_BODY_BYTES: "4096" });
    const a = ids();
    const kitchen = await connected(server.port, { token: token(kitchenClaims(a)) });
    const seen = recorder(kitchen);
    const valid = update(a);
    // Random bodies, some near-valid (a real update with one field replaced), signed or not.
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b).toString("latin1")),
      fc.record({ events: fc.array(fc.anything(), { maxLength: 3 }) }).map((v) => JSON.stringify(v)),
      fc.tuple(fc.constantFrom("event", "ticket"), fc.anything()).map(([key, value]) => JSON.stringify({ events: [{ ...valid, [key]: value }] })),
      fc.string({ minLength: 5000, maxLength: 6000 }),
    );
    const signing = fc.constantFrom("valid", "none", "garbage", "stale");
    const contentType = fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "");

    await fc.assert(
      fc.asyncProperty(body, signing, contentType, async (raw, how, type) => {
        const headers: Record<string, string> = how === "none" ? {} : internalHeaders(INTERNAL_SECRET, raw, how === "stale" ? Date.now() - 10 * 60_000 : Date.now());
        if (how === "garbage") headers[SIGNATURE_HEADER] = "0".repeat(64);
        if (how === "garbage") headers[TIMESTAMP_HEADER] = "yesterday";
        if (type) headers["content-type"] = type;
        else delete headers["content-type"];
        const response = await fetch(`http://127.0.0.1:${server.port}/internal/events`, { method: "POST", headers, body: raw });
        expect(response.status).toBeLessThan(500);
        expect([400, 401, 413, 415]).toContain(response.status);
      }),
      { numRuns: 300 },
    );

    const marker = next(kitchen, "new_order");
    expect((await post(server.port, { events: [valid] })).status).toBe(202);
    await marker;
    expect(seen.map((e) => e.name)).toEqual(["new_order"]);
  });
});
