import { spawn, type ChildProcessByStdio } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { ClaimsOf, ClientToServerEvents, OrderStatus, OrderUpdate, ServerToClientEvents, SocketError, Ticket, TokenClaims } from "@orderly/shared";
import { internalHeaders, signToken } from "@orderly/shared/server";
import { io as connect, type Socket } from "socket.io-client";
import { afterEach } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "../src/app.ts";
import { loadConfig, type RealtimeConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { statusUpdate, ticket, ticketItem } from "../../shared/test/fixtures.ts";

export const JWT_SECRET = randomBytes(32).toString("hex");
export const INTERNAL_SECRET = randomBytes(32).toString("hex");
export const METRICS_TOKEN = randomBytes(32).toString("hex");

export function testConfig(overrides: Partial<Record<string, string>> = {}): RealtimeConfig {
  return loadConfig({ JWT_SECRET, INTERNAL_SECRET, METRICS_TOKEN, LOG_LEVEL: "silent", REALTIME_PORT: "0", ...overrides });
}

const servers: RealtimeServer[] = [];
const sockets: Socket[] = [];
const children: ChildProcessByStdio<null, Readable, null>[] = [];

/** Everything a test starts is closed after it, pass or fail. */
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

export async function startServer(overrides: Partial<Record<string, string>> = {}, logger = createLogger("silent")) {
  const server = await startRealtimeServer(testConfig(overrides), { port: 0, logger });
  servers.push(server);
  return server;
}

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** The real entry point in its own process (for signals), with the test secrets and a free port. */
export async function spawnServer(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { PATH: process.env.PATH, JWT_SECRET, INTERNAL_SECRET, REALTIME_PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /"port":(\d+).*"msg":"realtime-server listening"/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before listening`)));
  });
  return { child, port, exited, output: () => output };
}

export function token(claims: TokenClaims, ttlSeconds = 600, secret = JWT_SECRET): string {
  return signToken(claims, secret, ttlSeconds).token;
}

export type Ids = ReturnType<typeof ids>;
const staff = (a: Ids) => ({ sub: a.staffId, restaurantId: a.restaurantId, ver: 0, authAt: Math.floor(Date.now() / 1000) });
export const customerClaims = (...orderIds: string[]): ClaimsOf<"customer"> => ({ role: "customer", sub: randomUUID(), orderIds });
export const guestClaims = (a: Ids): ClaimsOf<"guest"> => ({ role: "guest", sub: randomUUID(), restaurantId: a.restaurantId });
export const kitchenClaims = (a: Ids): ClaimsOf<"kitchen"> => ({ role: "kitchen", ...staff(a), kitchenId: a.kitchenId });
export const stationClaims = (a: Ids): ClaimsOf<"station"> => ({ role: "station", ...staff(a), kitchenId: a.kitchenId, stationId: a.stationId });
export const deliveryClaims = (a: Ids): ClaimsOf<"delivery"> => ({ role: "delivery", ...staff(a) });
export const adminClaims = (a: Ids): ClaimsOf<"admin"> => ({ role: "admin", ...staff(a), kitchenIds: [a.kitchenId] });

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export function client(
  port: number,
  auth: Record<string, unknown> | undefined,
  options: { reconnection?: boolean; transports?: ("websocket" | "polling")[]; extraHeaders?: Record<string, string> } = {},
): Client {
  const socket: Client = connect(`http://127.0.0.1:${port}`, {
    auth,
    transports: options.transports ?? ["websocket"],
    extraHeaders: options.extraHeaders,
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

export async function connected(port: number, auth: Record<string, unknown>, options: Parameters<typeof client>[2] = {}): Promise<Client> {
  const socket = client(port, auth, options);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/** The refusal of a handshake: its message and `data` (`{ code, message }` when Socket.IO refused it). */
export function connectError(port: number, auth: Record<string, unknown> | undefined, options: Parameters<typeof client>[2] = {}): Promise<{ message: string; data?: SocketError }> {
  const socket = client(port, auth, options);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected, but should have been refused")));
    socket.once("connect_error", (error) => resolve({ message: error.message, data: (error as { data?: SocketError }).data }));
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

export const ids = () => ({ restaurantId: randomUUID(), kitchenId: randomUUID(), stationId: randomUUID(), staffId: randomUUID() });

export function update(
  where: { restaurantId: string; kitchenId: string; stationId?: string },
  options: { orderId?: string; seq?: number; from?: OrderStatus | null; to?: OrderStatus; fulfilment?: Ticket["fulfilment"] } = {},
): OrderUpdate {
  const order = ticket({
    id: options.orderId ?? randomUUID(),
    restaurantId: where.restaurantId,
    kitchenId: where.kitchenId,
    fulfilment: options.fulfilment ?? "DELIVERY",
    items: [ticketItem(where.stationId ? { stationId: where.stationId } : {})],
  });
  return statusUpdate(order, options.from ?? null, options.to ?? "PLACED", options.seq ?? 1);
}

export async function scrapeMetrics(port: number, token = METRICS_TOKEN): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
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
