import { SIGNATURE_HEADER, TIMESTAMP_HEADER, internalHeaders } from "@orderly/shared/server";
import { describe, expect, it } from "vitest";
import { INTERNAL_SECRET, connected, ids, kitchenClaims, next, post, recorder, startServer, token, update } from "./helpers.ts";

describe("POST /internal/events", () => {
  const a = ids();
  const kitchenToken = token(kitchenClaims(a));

  async function setup(overrides: Record<string, string> = {}) {
    const server = await startServer(overrides);
    const kitchen = await connected(server.port, { token: kitchenToken });
    return { server, kitchen, seen: recorder(kitchen) };
  }

  /** Posts a good batch and waits for it: anything the kitchen saw before it came from the bad requests. */
  async function nothingEmittedBefore(port: number, kitchen: Awaited<ReturnType<typeof setup>>["kitchen"], seen: { name: string }[]) {
    const marker = update(a);
    const arrival = next(kitchen, "new_order");
    expect((await post(port, { events: [marker] })).status).toBe(202);
    expect((await arrival).event.id).toBe(marker.event.id);
    expect(seen.map((e) => e.name)).toEqual(["new_order"]);
  }

  it("accepts a signed batch with 202 and the ids, and fans it out", async () => {
    const { server, kitchen } = await setup();
    const batch = [update(a), update(a)];
    const first = next(kitchen, "new_order");
    const response = await post(server.port, { events: batch });
    expect(response).toEqual({ status: 202, body: { accepted: batch.map((u) => u.event.id) } });
    expect(await first).toEqual(batch[0]);
  });

  it("refuses a missing, wrong, stale or replayed signature with 401 and emits nothing", async () => {
    const { server, kitchen, seen } = await setup();
    const raw = JSON.stringify({ events: [update(a)] });
    const good = internalHeaders(INTERNAL_SECRET, raw);
    const cases: Record<string, string>[] = [
      { "content-type": "application/json" },
      { ...good, [SIGNATURE_HEADER]: internalHeaders("z".repeat(40), raw)[SIGNATURE_HEADER]! },
      internalHeaders(INTERNAL_SECRET, raw, Date.now() - 6 * 60_000),
      { ...good, [TIMESTAMP_HEADER]: String(Date.now() + 1) },
    ];
    for (const headers of cases) expect((await post(server.port, raw, headers)).status).toBe(401);
    expect((await post(server.port, raw, good)).status).toBe(202);
    const replay = await post(server.port, raw, good);
    expect(replay).toEqual({ status: 401, body: { error: { code: "UNAUTHORIZED", message: "Signature already used" } } });
    expect(seen).toHaveLength(1);
    seen.length = 0;
    await nothingEmittedBefore(server.port, kitchen, seen);
  });

  it("accepts a captured request once, and no re-encoding of its signature before or after", async () => {
    const { server, kitchen } = await setup();
    const captured = update(a);
    const raw = JSON.stringify({ events: [captured] });
    const headers = internalHeaders(INTERNAL_SECRET, raw);
    const signature = headers[SIGNATURE_HEADER]!;
    const newOrders: string[] = [];
    kitchen.on("new_order", (u) => newOrders.push(u.event.id));
    // Each of these decodes (Buffer.from(hex)) to the same bytes as the real signature.
    const variants = [
      signature.toUpperCase(),
      signature.slice(0, 32) + signature.slice(32).toUpperCase(),
      `${signature}0`,
      `${signature}zz`,
      `${signature} junk`,
      `${signature.slice(0, 32)} ${signature.slice(32)}`,
      `${signature}, ${signature}`,
    ];
    const resend = (variant: string) => post(server.port, raw, { ...headers, [SIGNATURE_HEADER]: variant });
    for (const variant of variants) expect(await resend(variant), variant).toEqual({ status: 401, body: { error: { code: "UNAUTHORIZED", message: "Signature mismatch" } } });
    expect((await resend(signature)).status).toBe(202);
    for (const variant of [...variants, signature, ` ${signature} `, `${signature}\t`]) expect((await resend(variant)).status, variant).toBe(401);

    const marker = update(a);
    const arrival = next(kitchen, "new_order");
    expect((await post(server.port, { events: [marker] })).status).toBe(202);
    await arrival;
    expect(newOrders).toEqual([captured.event.id, marker.event.id]);
  });

  it("answers malformed JSON with BAD_REQUEST and a bad batch with VALIDATION_FAILED naming the field, and emits nothing", async () => {
    const { server, kitchen, seen } = await setup();
    const malformed = await post(server.port, "{not json");
    expect(malformed).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message: "body: malformed JSON" } } });
    const broken = update(a);
    const cases: [unknown, string, RegExp][] = [
      [{ events: [] }, "events", /^events: /],
      [{ events: [{ ...broken, event: { ...broken.event, seq: 0 } }] }, "events.0.event.seq", /^events\.0\.event\.seq: /],
      [{ events: [{ ...broken, ticket: { ...broken.ticket, id: a.kitchenId } }] }, "events.0.ticket.id", /^events\.0\.ticket\.id: must equal event\.orderId/],
      [{ events: [update(a), { ...broken, ticket: { ...broken.ticket, status: "LOST" } }] }, "events.1.ticket.status", /^events\.1\.ticket\.status: /],
      [{ events: [broken], extra: 1 }, "body", /^body: /],
    ];
    for (const [body, field, message] of cases) {
      const response = await post(server.port, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.fields).toHaveProperty([field]);
    }
    await nothingEmittedBefore(server.port, kitchen, seen);
  });

  it("refuses other content types (415) and oversized bodies (413)", async () => {
    const { server, kitchen, seen } = await setup({ INTERNAL_MAX_BODY_BYTES: "2000" });
    const raw = JSON.stringify({ events: [update(a)] });
    const headers = { ...internalHeaders(INTERNAL_SECRET, raw), "content-type": "text/plain" };
    expect(await post(server.port, raw, headers)).toEqual({
      status: 415,
      body: { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Content-Type must be application/json" } },
    });
    const big = JSON.stringify({ events: Array.from({ length: 5 }, () => update(a)) });
    const tooBig = await post(server.port, big);
    expect(tooBig).toEqual({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE", message: "body: larger than 2000 bytes" } } });
    await nothingEmittedBefore(server.port, kitchen, seen);
  });
});
