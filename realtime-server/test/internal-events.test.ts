import { SIGNATURE_HEADER, TIMESTAMP_HEADER, internalHeaders } from "@orderly/shared/server";
import { describe, expect, it } from "vitest";
import { INTERNAL_SECRET, connected, ids, next, post, recorder, startServer, token, update } from "./helpers.ts";

describe("POST /internal/events", () => {
  const a = ids();
  const kitchenToken = token({ role: "kitchen", sub: a.staffId, restaurantId: a.restaurantId, kitchenId: a.kitchenId });

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

  it("answers a malformed batch with 400 naming the field, and emits nothing", async () => {
    const { server, kitchen, seen } = await setup();
    const broken = update(a);
    const cases: [unknown, RegExp][] = [
      ["{not json", /^body: malformed JSON$/],
      [{ events: [] }, /^events: /],
      [{ events: [{ ...broken, event: { ...broken.event, seq: 0 } }] }, /^events\.0\.event\.seq: /],
      [{ events: [{ ...broken, ticket: { ...broken.ticket, id: a.kitchenId } }] }, /^events\.0\.ticket\.id: must equal event\.orderId/],
      [{ events: [update(a), { ...broken, ticket: { ...broken.ticket, status: "LOST" } }] }, /^events\.1\.ticket\.status: /],
      [{ events: [broken], extra: 1 }, /^body: /],
    ];
    for (const [body, message] of cases) {
      const response = await post(server.port, body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    await nothingEmittedBefore(server.port, kitchen, seen);
  });

  it("refuses other content types (415) and oversized bodies (413)", async () => {
    const { server, kitchen, seen } = await setup({ INTERNAL_MAX_BODY_BYTES: "2000" });
    const raw = JSON.stringify({ events: [update(a)] });
    const headers = { ...internalHeaders(INTERNAL_SECRET, raw), "content-type": "text/plain" };
    expect((await post(server.port, raw, headers)).status).toBe(415);
    const big = JSON.stringify({ events: Array.from({ length: 5 }, () => update(a)) });
    const tooBig = await post(server.port, big);
    expect(tooBig).toEqual({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE", message: "body: larger than 2000 bytes" } } });
    await nothingEmittedBefore(server.port, kitchen, seen);
  });
});
