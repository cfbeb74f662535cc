import { describe, expect, it } from "vitest";
import { client, ids, next, post, startServer, token, update } from "./helpers.ts";

describe("connection state recovery", () => {
  it("keeps a briefly dropped socket's rooms and replays what it missed", async () => {
    const server = await startServer();
    const a = ids();
    const kitchen = client(server.port, { token: token({ role: "kitchen", sub: a.staffId, restaurantId: a.restaurantId, kitchenId: a.kitchenId }) }, { reconnection: true });
    await new Promise<void>((resolve) => kitchen.once("connect", () => resolve()));
    // One event first: recovery needs an offset to resume from.
    const first = update(a);
    const firstArrival = next(kitchen, "new_order");
    await post(server.port, { events: [first] });
    await firstArrival;

    const dropped = new Promise((resolve) => kitchen.once("disconnect", resolve));
    kitchen.io.engine.close();
    await dropped;
    const missed = update(a);
    await post(server.port, { events: [missed] });

    const replayed = next(kitchen, "new_order");
    await new Promise<void>((resolve) => kitchen.once("connect", () => resolve()));
    expect(kitchen.recovered).toBe(true);
    expect((await replayed).event.id).toBe(missed.event.id);
  });
});
