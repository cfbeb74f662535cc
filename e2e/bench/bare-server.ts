// The baseline: a bare Socket.IO server with no auth, validation, rate limits or metrics.
// Sockets join the room named in their handshake; POST /emit { room, payload }[] emits to each.
import { createServer } from "node:http";
import { Server } from "socket.io";

// Orderly's default heartbeat (PING_INTERVAL_MS, PING_TIMEOUT_MS): at 5,000 sockets its pings are
// 1,000 frames a second each way, part of the workload rather than of the overhead measured.
const io = new Server({ transports: ["websocket"], pingInterval: 5000, pingTimeout: 5000 });
io.on("connection", (socket) => void socket.join(String(socket.handshake.auth.room)));
const http = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/emit") return void res.writeHead(404).end();
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    for (const { room, payload } of JSON.parse(Buffer.concat(chunks).toString()) as { room: string; payload: unknown }[]) {
      io.to(room).emit("status_update", payload);
    }
    res.writeHead(202).end();
  });
});
io.attach(http);
http.listen(Number(process.env.PORT ?? 0), () => console.log(`bare listening on ${(http.address() as { port: number }).port}`));
process.once("SIGTERM", () => io.close(() => process.exit(0)));
