import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { notFound } from "@orderly/shared";
import { createAdapter } from "@socket.io/redis-adapter";
import express from "express";
import type { Logger } from "pino";
import { createClient, type RedisClientType } from "redis";
import { Server } from "socket.io";
import { serveSocket } from "./client-events.ts";
import type { RealtimeConfig } from "./config.ts";
import { limitHandshakesPerAddress } from "./handshake-limit.ts";
import { internalEventsRouter } from "./internal-events.ts";
import { createLogger } from "./logger.ts";
import { metricsEndpoint } from "./metrics-endpoint.ts";
import { createMetrics } from "./metrics.ts";
import { createRateLimiter } from "./rate-limiter.ts";
import { tolerateRedisDisconnects } from "./redis-disconnects.ts";
import { memoryReplayGuard, redisReplayGuard } from "./replay-guard.ts";
import { authenticate, disconnectAtExpiry } from "./socket-auth.ts";
import { capSocketsPerSubject } from "./subject-cap.ts";
import type { RealtimeIo } from "./types.ts";

export interface RealtimeServer {
  http: HttpServer;
  io: RealtimeIo;
  port: number;
  /** Graceful: stop accepting, tell clients, let them reconnect elsewhere, close within SHUTDOWN_TIMEOUT_MS. */
  close(): Promise<void>;
}

async function connectRedis(url: string, logger: Logger) {
  const client: RedisClientType = createClient({ url });
  client.on("error", (error: Error) => logger.warn({ err: error.message }, "redis error"));
  await client.connect();
  return client;
}

export async function startRealtimeServer(
  config: RealtimeConfig,
  options: { port?: number; logger?: Logger } = {},
): Promise<RealtimeServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL, logger) : undefined;
  const stopTolerating = redis ? tolerateRedisDisconnects(logger) : undefined;
  // duplicate() copies the options, not the listeners: without its own handler an error on the
  // subscriber (Redis restarting) would crash the process.
  const redisSub = redis?.duplicate();
  redisSub?.on("error", (error: Error) => logger.warn({ err: error.message }, "redis subscriber error"));
  await redisSub?.connect();

  const app = express();
  app.disable("x-powered-by");
  // Nothing here is cached, and an ETag hashed every /internal/events answer.
  app.disable("etag");
  const http = createServer(app);
  const handshakeLimiter = createRateLimiter(
    { points: config.HANDSHAKES_PER_ADDRESS_PER_MINUTE, duration: 60, keyPrefix: "orderly:handshakes" },
    redis,
  );
  const eventLimiter = createRateLimiter(
    { points: config.RATE_LIMIT_SOCKET_EVENTS, duration: config.RATE_LIMIT_SOCKET_WINDOW_SECONDS, keyPrefix: "orderly:socket-events" },
    redis,
  );
  const io: RealtimeIo = new Server(http, {
    cors: { origin: config.WEB_ORIGIN, methods: ["GET", "POST"] },
    transports: ["websocket", "polling"],
    allowRequest: limitHandshakesPerAddress(handshakeLimiter, config.TRUST_PROXY, metrics),
    // An Engine.IO connection that has not sent its Socket.IO CONNECT (with the token) by then is closed.
    connectTimeout: 10_000,
    pingInterval: config.PING_INTERVAL_MS,
    pingTimeout: config.PING_TIMEOUT_MS,
    // No connectionStateRecovery: Socket.IO sends a recovered session's missed packets before the
    // io.use middlewares run, so anyone holding a pid and offset got them without a valid token;
    // and the Redis pub/sub adapter cannot recover at all. Clients lose nothing without it: they
    // re-read an HTTP snapshot on every reconnect.
    ...(redis && redisSub ? { adapter: createAdapter(redis, redisSub) } : {}),
  });

  io.use(authenticate(config.JWT_SECRET, metrics, logger));
  io.use(capSocketsPerSubject(config.MAX_SOCKETS_PER_SUBJECT, metrics));
  io.on("connection", (socket) => {
    const role = socket.data.claims.role;
    metrics.socketsConnected.inc({ role });
    socket.once("disconnect", () => metrics.socketsConnected.dec({ role }));
    disconnectAtExpiry(socket);
    serveSocket(socket, { jwtSecret: config.JWT_SECRET, limiter: eventLimiter, metrics, logger });
  });

  app.get("/healthz", async (_req, res) => {
    const redisStatus = redis ? await redis.ping().then(() => "ok", () => "unreachable") : undefined;
    const healthy = redisStatus !== "unreachable";
    res.status(healthy ? 200 : 503).json({ status: healthy ? "ok" : "degraded", ...(redisStatus && { redis: redisStatus }) });
  });
  app.use(metricsEndpoint(metrics, config.METRICS_TOKEN));
  app.use(
    internalEventsRouter({
      io,
      internalSecret: config.INTERNAL_SECRET,
      maxBodyBytes: config.INTERNAL_MAX_BODY_BYTES,
      replayGuard: redis ? redisReplayGuard(redis) : memoryReplayGuard(),
      metrics,
      logger,
    }),
  );
  app.use((_req, res) => {
    res.status(404).json(notFound("Route").toBody());
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? config.REALTIME_PORT, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  logger.info({ port, redis: Boolean(redis) }, "realtime-server listening");

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      io.emit("server_shutdown");
      // Closing the transports (not disconnecting the sockets) makes clients reconnect by themselves.
      io.engine.close();
      const closed = io.close().then(async () => {
        await redisSub?.quit().catch(() => undefined);
        await redis?.quit().catch(() => undefined);
        stopTolerating?.();
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, config.SHUTDOWN_TIMEOUT_MS)));
      await Promise.race([closed, timeout]);
      clearTimeout(timer);
      http.closeAllConnections();
      logger.info("realtime-server closed");
    })();
    return closing;
  };
  return { http, io, port, close };
}
