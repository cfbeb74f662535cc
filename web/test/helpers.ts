import { randomBytes, randomUUID } from "node:crypto";
import type { PlaceOrderRequest, TokenResponse } from "@orderly/shared";
import { createPrismaClient, type PrismaClient } from "@orderly/prisma";
import { DEMO_PASSWORD, seedIfEmpty } from "@orderly/prisma/seed";
import { createTestDatabase, type TestDatabase } from "@orderly/prisma/test-database";
import { PEER_HEADER, markPeerRecorded } from "@/http/client-address.ts";

export const JWT_SECRET = randomBytes(32).toString("hex");
export const INTERNAL_SECRET = randomBytes(32).toString("hex");

export interface Fixture {
  database: TestDatabase;
  prisma: PrismaClient;
  restaurants: { id: string; slug: string; kitchenId: string; menu: { id: string; name: string; pricePaise: number; available: boolean }[] }[];
  close(): Promise<void>;
}

/** A seeded database of this file's own, and the environment web reads, set before any handler runs. */
export async function setupWeb(label: string, env: Record<string, string> = {}): Promise<Fixture> {
  const database = await createTestDatabase(label);
  // Handlers are called as web/server.ts would call them: PEER_HEADER holds the peer (see `call`).
  markPeerRecorded();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    JWT_SECRET,
    INTERNAL_SECRET,
    REALTIME_INTERNAL_URL: "http://127.0.0.1:9",
    OUTBOX_MAX_BACKOFF_MS: "500",
    LOG_LEVEL: "silent",
    ...env,
  });
  const prisma = createPrismaClient(database.url, { maxConnections: 2 });
  await seedIfEmpty(prisma, DEMO_PASSWORD);
  const rows = await prisma.restaurant.findMany({ include: { kitchens: true, menuItems: true }, orderBy: { slug: "desc" } });
  return {
    database,
    prisma,
    restaurants: rows.map((r) => ({ id: r.id, slug: r.slug, kitchenId: r.kitchens[0]!.id, menu: r.menuItems })),
    async close() {
      const { outboxRelay } = await import("@/outbox/relay.ts");
      await outboxRelay().stop();
      const { db } = await import("@/db.ts");
      await db().$disconnect();
      const { closeSharedRedis } = await import("@/http/redis.ts");
      await closeSharedRedis();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

export interface Call {
  method?: string;
  path?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  params?: Record<string, string>;
  peer?: string;
}

/** Calls a route handler the way Next does, with a real Request. */
export async function call(handler: Handler, options: Call = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { [PEER_HEADER]: options.peer ?? "127.0.0.1", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${options.path ?? "/api/test"}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export async function login(slug: string, login: "kitchen" | "courier1" | "courier2" | "courier3" | "admin", peer = randomUUID()): Promise<TokenResponse> {
  const { POST } = await import("../app/api/auth/staff/route.ts");
  const response = await call(POST, { body: { restaurantSlug: slug, login, password: DEMO_PASSWORD }, peer });
  if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function orderBody(fixture: Fixture, overrides: Partial<PlaceOrderRequest> = {}, restaurant = 0): PlaceOrderRequest {
  const r = fixture.restaurants[restaurant]!;
  const [first, second] = r.menu.filter((m) => m.available);
  return {
    restaurantSlug: r.slug,
    customer: { name: "Anu Thomas", phone: "+91 98470 12345" },
    fulfilment: "DELIVERY",
    deliveryAddress: "12 Broadway, Ernakulam",
    items: [
      { menuItemId: first!.id, quantity: 2, notes: "no onion", allergens: ["PEANUTS"] },
      { menuItemId: second!.id, quantity: 1 },
    ],
    ...overrides,
  };
}

/** Places an order through the handler; a fresh Idempotency-Key and client address unless given. */
export async function place(fixture: Fixture, body: unknown = orderBody(fixture), key: string = randomUUID(), peer: string = randomUUID()) {
  const { POST } = await import("../app/api/orders/route.ts");
  return call(POST, { body, headers: { "idempotency-key": key }, peer });
}

/** A transition; `extra` adds expectedSeq or a reason to the body. */
export async function move(orderId: string, to: string, token: string, extra: Record<string, unknown> = {}) {
  const { POST } = await import("../app/api/orders/[id]/transitions/route.ts");
  return call(POST, { body: { to, ...extra }, token, params: { id: orderId } });
}

export const BUSY = { reason: { code: "KITCHEN_TOO_BUSY" } };

/** An order's events as "seq:TYPE detail:ACTOR", status changes as "seq:FROM>TO:ACTOR". */
export async function history(fixture: Fixture, orderId: string): Promise<string[]> {
  const rows = await fixture.prisma.orderEvent.findMany({ where: { orderId }, orderBy: { seq: "asc" } });
  return rows.map((e) => {
    const payload = e.payload as Record<string, unknown>;
    const detail = e.type === "STATUS_CHANGED" ? `${payload.from ?? "-"}>${payload.to}` : e.type;
    return `${e.seq}:${detail}:${e.actorRole}`;
  });
}

export { freePort } from "../../scripts/processes.ts";
