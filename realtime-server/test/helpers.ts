import { randomBytes, randomUUID } from "node:crypto";
import type { ClientToServerEvents, OrderStatus, OrderUpdate, ServerToClientEvents, Ticket, TokenClaims } from "@orderly/shared";
import { internalHeaders, signToken } from "@orderly/shared/server";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "../src/app.ts";
import { realtimeEnvSchema, type RealtimeConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";

export const JWT_SECRET = randomBytes(32).toString("hex");
export const INTERNAL_SECRET = randomBytes(32).toString("hex");

export function testConfig(overrides: Partial<Record<string, string>> = {}): RealtimeConfig {
  return realtimeEnvSchema.parse({ JWT_SECRET, INTERNAL_SECRET, LOG_LEVEL: "silent", REALTIME_PORT: "0", ...overrides });
}

const servers: RealtimeServer[] = [];
const sockets: Socket[] = [];

/** Everything a test starts is closed after it, pass or fail. */
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

export async function startServer(overrides: Partial<Record<string, string>> = {}, logger = createLogger("silent")) {
  const server = await startRealtimeServer(testConfig(overrides), { port: 0, logger });
  servers.push(server);
  return server;
}

export function token(claims: TokenClaims, ttlSeconds = 600, secret = JWT_SECRET): string {
  return signToken(claims, secret, ttlSeconds).token;
}

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export function client(port: number, auth: Record<string, unknown> | undefined, options: { reconnection?: boolean } = {}): Client {
  const socket: Client = connect(`http://127.0.0.1:${port}`, {
    auth,
    transports: ["websocket"],
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

export async function connected(port: number, auth: Record<string, unknown>): Promise<Client> {
  const socket = client(port, auth);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

export function connectError(port: number, auth: Record<string, unknown> | undefined): Promise<string> {
  const socket = client(port, auth);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected, but should have been refused")));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

/** Resolves with the next `event` on `socket`; rejects after `ms`. */
export function next<E extends keyof ServerToClientEvents>(socket: Client, event: E, ms = 5000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const handler = (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload as never);
    };
    socket.once(event, handler as never);
  });
}

/** Records every event a socket receives, in order. */
export function recorder(socket: Client): { name: string; payload: unknown }[] {
  const seen: { name: string; payload: unknown }[] = [];
  socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
  return seen;
}

export const ids = () => ({ restaurantId: randomUUID(), kitchenId: randomUUID(), staffId: randomUUID() });

export function update(
  where: { restaurantId: string; kitchenId: string },
  options: { orderId?: string; seq?: number; from?: OrderStatus | null; to?: OrderStatus; fulfilment?: Ticket["fulfilment"] } = {},
): OrderUpdate {
  const orderId = options.orderId ?? randomUUID();
  const seq = options.seq ?? 1;
  const to = options.to ?? "PLACED";
  const at = new Date().toISOString();
  return {
    event: { id: randomUUID(), orderId, seq, fromStatus: options.from ?? null, toStatus: to, actorRole: "KITCHEN", at },
    ticket: {
      id: orderId,
      code: "AB12",
      restaurantId: where.restaurantId,
      kitchenId: where.kitchenId,
      fulfilment: options.fulfilment ?? "DELIVERY",
      status: to,
      seq,
      customerName: "Anu",
      customerPhone: "9847012345",
      deliveryAddress: "12 Broadway, Ernakulam",
      totalPaise: 32000,
      prepMinutes: 20,
      courierId: null,
      createdAt: at,
      estimatedReadyAt: null,
      items: [{ menuItemId: randomUUID(), name: "Prawn Moilee", quantity: 1, unitPricePaise: 32000, notes: null }],
    },
  };
}

export async function post(port: number, body: unknown, headers?: Record<string, string>) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const response = await fetch(`http://127.0.0.1:${port}/internal/events`, {
    method: "POST",
    headers: headers ?? internalHeaders(INTERNAL_SECRET, raw),
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
