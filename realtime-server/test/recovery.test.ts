import { describe, expect, it } from "vitest";
import { until } from "../../scripts/processes.ts";
import { type Client, client, connected, ids, kitchenClaims, next, post, recorder, startServer, token, update } from "./helpers.ts";

// Connection-state recovery is off: Socket.IO would send a recovered session's missed packets
// before the auth middleware runs. Clients re-read a snapshot over HTTP after every reconnect.
describe("no connection-state recovery", () => {
  const a = ids();

  /** Posts an update and waits until `socket` has it: anything sent to other sockets before it has arrived too. */
  async function publishTo(socket: Client, port: number) {
    const u = update(a);
    const arrival = next(socket, "new_order");
    expect((await post(port, { events: [u] })).status).toBe(202);
    expect((await arrival).event.id).toBe(u.event.id);
    return u;
  }

  it("sends nothing to a reconnect with a garbage or expired token carrying a captured pid and offset", async () => {
    const server = await startServer();
    const control = await connected(server.port, { token: token(kitchenClaims(a)) });
    for (const badToken of ["garbage", token(kitchenClaims(a), -5)]) {
      const victim = await connected(server.port, { token: token(kitchenClaims(a)) });
      await publishTo(victim, server.port);
      // What someone who saw the victim's traffic could send back (recovery, were it on, issues both).
      const captured = victim as unknown as { _pid?: string; _lastOffset?: string };
      const auth = { token: badToken, pid: captured._pid ?? "AAAAAAAAAAAAAAAAAAAAAA", offset: captured._lastOffset ?? "0-0" };
      victim.io.engine.close();
      await until(() => server.io.of("/").sockets.size === 1, 5000, "the victim gone from the server");
      await publishTo(control, server.port); // missed by the victim

      const intruder = client(server.port, auth);
      const packets: unknown[] = [];
      // Every decoded packet, including events the client library would buffer and never show.
      intruder.io.on("packet", (packet) => packets.push(packet));
      const refused = await new Promise<Error>((resolve) => intruder.once("connect_error", resolve));
      await publishTo(control, server.port);
      expect(packets).toEqual([{ type: 4, nsp: "/", data: { message: refused.message, data: expect.objectContaining({ code: expect.any(String) }) } }]);
    }
  });

  it("reconnects a valid token as a new session, without replaying what it missed", async () => {
    const server = await startServer();
    const kitchen = await connected(server.port, { token: token(kitchenClaims(a)) });
    const seen = recorder(kitchen);
    const first = await publishTo(kitchen, server.port);
    kitchen.io.engine.close();
    await until(() => server.io.of("/").sockets.size === 0, 5000, "the kitchen gone from the server");
    await post(server.port, { events: [update(a)] });

    const reconnected = new Promise<void>((resolve) => kitchen.once("connect", () => resolve()));
    kitchen.connect();
    await reconnected;
    expect(kitchen.recovered).toBeFalsy();
    const marker = await publishTo(kitchen, server.port);
    expect(seen.map((e) => (e.payload as typeof first).event.id)).toEqual([first.event.id, marker.event.id]);
  });
});
