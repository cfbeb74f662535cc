// The floor: Orderly's order path with nothing but the logical work — node:http, pg and Socket.IO
// in one process, on the bench's database. No auth, validation, idempotency, outbox relay or
// framework: it emits right after the commit (so it marks its events published as it writes them,
// and web's relay leaves them alone). Sockets join the rooms named in their handshake
// (`auth.rooms`), and an order's room with `subscribe_order`.
//   GET  /restaurants/{slug}           → { kitchenId, menuItemId }: its kitchen and first menu item
//   POST /orders                       Orderly's place-order body → 201 { id, seq }
//   POST /orders/{id}/transitions      { to } as the kitchen → 200 { id, seq }, 409 if not allowed
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { canTransition, kitchenRoom, orderRoom, slotStartOf, type OrderStatus } from "@orderly/shared";
import pg from "pg";
import { Server } from "socket.io";

interface PlaceBody {
  restaurantSlug: string;
  customer: { name: string; phone: string };
  fulfilment: "PICKUP" | "DELIVERY";
  items: { menuItemId: string; quantity: number }[];
}

// The size of Prisma's pool in web.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const io = new Server({ transports: ["websocket"] });

io.on("connection", (socket) => {
  const rooms: unknown = socket.handshake.auth.rooms;
  if (Array.isArray(rooms)) void socket.join(rooms.map(String));
  socket.on("subscribe_order", (request: { orderId: string }, ack: (result: { ok: true }) => void) => {
    void socket.join(orderRoom(request.orderId));
    ack({ ok: true });
  });
});

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

async function restaurant(slug: string) {
  const { rows } = await pool.query(
    `SELECT (SELECT k.id FROM "Kitchen" k WHERE k."restaurantId" = r.id ORDER BY k.name LIMIT 1) AS "kitchenId",
            (SELECT m.id FROM "MenuItem" m JOIN "MenuCategory" c ON c.id = m."categoryId" WHERE m."restaurantId" = r.id
              ORDER BY c."sortOrder", c.name, m."sortOrder", m.name LIMIT 1) AS "menuItemId"
       FROM "Restaurant" r WHERE r.slug = $1`,
    [slug],
  );
  return rows[0] ? { status: 200, body: rows[0] } : { status: 404, body: {} };
}

/** Prices from the menu; the order, its items and event seq 1 in one transaction; then `new_order` to the kitchen. */
async function placeOrder(raw: string, idempotencyKey: string) {
  const request = JSON.parse(raw) as PlaceBody;
  const placed = await inTransaction(async (client) => {
    const { rows: kitchens } = await client.query(
      `SELECT k.id, k."restaurantId" FROM "Kitchen" k JOIN "Restaurant" r ON r.id = k."restaurantId" WHERE r.slug = $1 ORDER BY k.name LIMIT 1`,
      [request.restaurantSlug],
    );
    const kitchen = kitchens[0] as { id: string; restaurantId: string } | undefined;
    if (!kitchen) return null;
    const { rows: menu } = await client.query(`SELECT id, name, "pricePaise", "stationId" FROM "MenuItem" WHERE "restaurantId" = $1 AND id = ANY($2) AND available`, [
      kitchen.restaurantId,
      request.items.map((line) => line.menuItemId),
    ]);
    const lines = request.items.map((line) => ({ line, item: menu.find((m) => m.id === line.menuItemId) as { id: string; name: string; pricePaise: number; stationId: string } | undefined }));
    if (lines.some(({ item }) => !item)) return null;
    const total = lines.reduce((sum, { line, item }) => sum + item!.pricePaise * line.quantity, 0);
    const { rows: orders } = await client.query(
      `INSERT INTO "Order" (id, code, "restaurantId", "kitchenId", fulfilment, "customerName", "customerPhone", "totalPaise", "idempotencyKey", "requestHash", "slotStart", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()) RETURNING *`,
      [
        randomUUID(),
        randomBytes(5).toString("hex").toUpperCase(),
        kitchen.restaurantId,
        kitchen.id,
        request.fulfilment,
        request.customer.name,
        request.customer.phone,
        total,
        idempotencyKey,
        createHash("sha256").update(raw).digest("hex"),
        slotStartOf(new Date()),
      ],
    );
    const order = orders[0] as { id: string; kitchenId: string };
    const items = [];
    for (const { line, item } of lines) {
      const { rows } = await client.query(
        `INSERT INTO "OrderItem" (id, "orderId", "menuItemId", name, "unitPricePaise", quantity, "stationId") VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [randomUUID(), order.id, item!.id, item!.name, item!.pricePaise, line.quantity, item!.stationId],
      );
      items.push(rows[0]);
    }
    const event = await insertEvent(client, order.id, 1, { from: null, to: "PLACED" }, "CUSTOMER");
    return { event, ticket: { ...order, items } };
  });
  if (!placed) return { status: 422, body: {} };
  io.to(kitchenRoom(placed.ticket.kitchenId)).emit("new_order", placed);
  io.to(orderRoom(placed.ticket.id)).emit("status_update", placed);
  return { status: 201, body: { id: placed.ticket.id, seq: 1 } };
}

async function insertEvent(client: pg.PoolClient, orderId: string, seq: number, payload: { from: OrderStatus | null; to: OrderStatus }, actorRole: string) {
  const { rows } = await client.query(
    `INSERT INTO "OrderEvent" (id, "orderId", seq, type, payload, "actorRole", "publishedAt") VALUES ($1, $2, $3, 'STATUS_CHANGED', $4, $5, now()) RETURNING *`,
    [randomUUID(), orderId, seq, payload, actorRole],
  );
  return rows[0] as { orderId: string; seq: number };
}

/** The kitchen moves an order as the state machine allows: its row and its event in one transaction, then `status_update` to the kitchen and the order's room. */
async function transition(orderId: string, raw: string) {
  const { to } = JSON.parse(raw) as { to: OrderStatus };
  const moved = await inTransaction(async (client) => {
    const { rows: locked } = await client.query(`SELECT status, fulfilment FROM "Order" WHERE id = $1 FOR UPDATE`, [orderId]);
    const from = locked[0] as { status: OrderStatus; fulfilment: "PICKUP" | "DELIVERY" } | undefined;
    if (!from || !canTransition("kitchen", from.status, to, from.fulfilment)) return null;
    const { rows } = await client.query(
      `UPDATE "Order" SET status = $2, "previousStatus" = status, seq = seq + 1, "statusChangedAt" = now(), "updatedAt" = now() WHERE id = $1 RETURNING *`,
      [orderId, to],
    );
    const ticket = rows[0] as { id: string; kitchenId: string; seq: number };
    return { event: await insertEvent(client, orderId, ticket.seq, { from: from.status, to }, "KITCHEN"), ticket };
  });
  if (!moved) return { status: 409, body: {} };
  io.to([kitchenRoom(moved.ticket.kitchenId), orderRoom(orderId)]).emit("status_update", moved);
  return { status: 200, body: { id: orderId, seq: moved.ticket.seq } };
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
    req.on("error", reject);
  });
}

const http = createServer((req, res) => {
  const path = req.url ?? "";
  const slug = /^\/restaurants\/([\w-]+)$/.exec(path)?.[1];
  const moving = /^\/orders\/([\w-]+)\/transitions$/.exec(path)?.[1];
  const answer =
    req.method === "GET" && slug
      ? restaurant(slug)
      : req.method === "POST" && path === "/orders"
        ? bodyOf(req).then((raw) => placeOrder(raw, String(req.headers["idempotency-key"] ?? randomUUID())))
        : req.method === "POST" && moving
          ? bodyOf(req).then((raw) => transition(moving, raw))
          : Promise.resolve({ status: 404, body: {} });
  answer.then(
    ({ status, body }) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});
io.attach(http);
http.listen(Number(process.env.PORT ?? 0), () => console.log(`bare orders listening on ${(http.address() as { port: number }).port}`));
process.once("SIGTERM", () => io.close(() => void pool.end().then(() => process.exit(0))));
