import { randomUUID } from "node:crypto";
import { chmod, copyFile, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Menu, PlaceOrderResponse } from "@orderly/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, isPortFree } from "../processes.ts";
import { ROOT } from "../root.ts";
import { NpmStart } from "./npm-start.ts";

const PORTS = { EMBEDDED_DATABASE_PORT: "3996", WEB_PORT: "3997", REALTIME_PORT: "3998" };
const WEB = `http://127.0.0.1:${PORTS.WEB_PORT}`;
const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PORTS.EMBEDDED_DATABASE_PORT}/postgres`;

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(DATABASE_URL);
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

interface MenuItem {
  id: string;
  name: string;
  category: string;
  pricePaise: number;
}

const byId = (a: MenuItem, b: MenuItem) => (a.id < b.id ? -1 : 1);

/** The restaurant's items as the database holds them, read on a connection of its own. */
function menuInDatabase(slug: string): Promise<MenuItem[]> {
  return query<MenuItem>(
    `SELECT m.id, m.name, c.name AS category, m."pricePaise"
       FROM "MenuItem" m JOIN "Restaurant" r ON r.id = m."restaurantId" JOIN "MenuCategory" c ON c.id = m."categoryId"
      WHERE r.slug = $1`,
    [slug],
  ).then((items) => items.sort(byId));
}

function placeOrder(key: string, menuItemId: string) {
  return fetch(`${WEB}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({
      restaurantSlug: "fort-kochi",
      customer: { name: "Anu", phone: "9847012345" },
      fulfilment: "PICKUP",
      items: [{ menuItemId, quantity: 2 }],
    }),
  }).then(async (response) => ({ status: response.status, orderId: ((await response.json()) as Partial<PlaceOrderResponse>).order?.ticket.id }));
}

async function expectEverythingReleased(run: NpmStart): Promise<void> {
  for (const port of Object.values(PORTS)) expect(await isPortFree(Number(port)), `port ${port} released`).toBe(true);
  expect(run.childPids().length).toBeGreaterThan(0);
  for (const pid of run.childPids()) expect(isAlive(pid), `pid ${pid} gone`).toBe(false);
}

describe("npm start with no DATABASE_URL runs an embedded Postgres", () => {
  let dir: string;
  const env = () => ({ ...PORTS, ORDERLY_DATA_DIR: join(dir, "data") });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "orderly-embedded-"));
    // As root, Postgres runs as the postgres user, which must be able to reach its data directory.
    await chmod(dir, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("answers overlapping requests correctly, and Ctrl-C stops every process and frees every port", async () => {
    const run = new NpmStart(env());
    try {
      await run.output(/Press Ctrl-C to stop/);
      expect(run.stdout).toMatch(/Initialising the embedded Postgres/);
      expect(run.stdout).toMatch(/Seeded the demo restaurants/);
      expect(run.stdout).toMatch(/Database: +embedded Postgres, data in .*data\/postgres/);

      const slugs = ["fort-kochi", "edappally"];
      const expected = Object.fromEntries(await Promise.all(slugs.map(async (slug) => [slug, await menuInDatabase(slug)] as const)));
      for (const slug of slugs) expect(expected[slug]!.length).toBeGreaterThan(3);
      const reads = await Promise.all(
        Array.from({ length: 24 }, async (_, i) => {
          const slug = slugs[i % 2]!;
          const menu = (await fetch(`${WEB}/api/restaurants/${slug}/menu`).then((r) => r.json())) as Menu;
          const items = menu.categories.flatMap((c) => c.items.map(({ id, name, category, pricePaise }) => ({ id, name, category, pricePaise }))).sort(byId);
          return { slug, restaurant: menu.restaurant?.slug, items };
        }),
      );
      for (const read of reads) {
        expect(read.restaurant).toBe(read.slug);
        expect(read.items).toEqual(expected[read.slug]);
      }

      const menuItemId = expected["fort-kochi"]![0]!.id;
      const keys = Array.from({ length: 10 }, () => randomUUID());
      const placed = await Promise.all(keys.map((key) => placeOrder(key, menuItemId)));
      expect(placed.map((p) => p.status)).toEqual(Array(10).fill(201));
      expect(new Set(placed.map((p) => p.orderId)).size).toBe(10);
      const stored = await query<{ id: string }>(`SELECT id FROM "Order" WHERE "idempotencyKey" = ANY($1)`, [keys]);
      expect(stored.map((o) => o.id).sort()).toEqual(placed.map((p) => p.orderId).sort());

      const key = randomUUID();
      const twice = await Promise.all([placeOrder(key, menuItemId), placeOrder(key, menuItemId)]);
      expect(twice.map((t) => t.status).sort()).toEqual([200, 201]);
      expect(twice[0]!.orderId).toBe(twice[1]!.orderId);
      expect(await query(`SELECT id FROM "Order" WHERE "idempotencyKey" = $1`, [key])).toEqual([{ id: twice[0]!.orderId }]);

      expect(await run.interrupt()).toBe(0);
      await expectEverythingReleased(run);
    } finally {
      await run.kill();
    }
  });

  it("keeps its data for the next start, with .env copied from .env.example: no initialisation, no seed, the orders still there", async () => {
    await copyFile(join(ROOT, ".env.example"), join(dir, ".env"));
    const run = new NpmStart(env(), { cwd: dir });
    try {
      await run.output(/Press Ctrl-C to stop/);
      expect(run.stdout).toContain(`Read ${join(dir, ".env")}`);
      expect(run.stdout).toMatch(/Database: +embedded Postgres/);
      expect(run.stdout).not.toMatch(/Initialising/);
      expect(run.stdout).not.toMatch(/Seeded/);
      expect(await query(`SELECT count(*)::int AS orders FROM "Order"`)).toEqual([{ orders: 11 }]);
      expect(await fetch(`${WEB}/api/health`).then((r) => r.json())).toEqual({ status: "ok", database: "ok" });
      expect(await run.interrupt()).toBe(0);
      await expectEverythingReleased(run);
    } finally {
      await run.kill();
    }
  });

  it("stops the database when the start fails part-way (the web port taken after the database started)", async () => {
    const run = new NpmStart(env());
    // Hangs up on whoever connects (the launcher's health checks), so that it closes at once.
    const blocker = createServer((socket) => socket.destroy());
    try {
      await run.output(/^postgres ready in/m);
      await new Promise<void>((resolve) => blocker.listen(Number(PORTS.WEB_PORT), "0.0.0.0", resolve));
      expect(await run.exited).toBe(1);
      expect(run.stderr.trim()).toBe("web exited with code 1 before it was ready");
      expect(run.stdout).toContain(`[web] WEB_PORT ${PORTS.WEB_PORT} is already in use.`);
      await new Promise((resolve) => blocker.close(resolve));
      await expectEverythingReleased(run);
    } finally {
      if (blocker.listening) blocker.close();
      await run.kill();
    }
  });
});
