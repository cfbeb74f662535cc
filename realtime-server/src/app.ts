import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdapter } from "@socket.io/redis-adapter";
import express from "express";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createClient, type RedisClientType } from "redis";
import { Server } from "socket.io";
import { serveSocket } from "./client-events.ts";
import type { RealtimeConfig } from "./config.ts";
import { internalEventsRouter } from "./internal-events.ts";
import { createLogger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";
import { tolerateRedisDisconnects } from "./redis-disconnects.ts";
import { memoryReplayGuard, redisReplayGuard } from "./replay-guard.ts";
import { authenticate, disconnectAtExpiry } from "./socket-auth.ts";
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
  const http = createServer(app);
  const io: RealtimeIo = new Server(http, {
    cors: { origin: config.WEB_ORIGIN, methods: ["GET", "POST"] },
    transports: ["websocket", "polling"],
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    ...(redis && redisSub ? { adapter: createAdapter(redis, redisSub) } : {}),
  });

  const limiterOptions = { points: config.RATE_LIMIT_SOCKET_EVENTS, duration: config.RATE_LIMIT_SOCKET_WINDOW_SECONDS, keyPrefix: "orderly:socket-events" };
  // On Redis: shared across instances, blocked sockets answered from memory, and the memory
  // limiter takes over while Redis is unreachable.
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...limiterOptions,
        storeClient: redis,
        useRedisPackage: true,
        inMemoryBlockOnConsumed: config.RATE_LIMIT_SOCKET_EVENTS,
        insuranceLimiter: new RateLimiterMemory(limiterOptions),
      })
    : new RateLimiterMemory(limiterOptions);

  io.use(authenticate(config.JWT_SECRET, logger));
  io.on("connection", (socket) => {
    const role = socket.data.claims.role;
    metrics.socketsConnected.inc({ role });
    socket.once("disconnect", () => metrics.socketsConnected.dec({ role }));
    disconnectAtExpiry(socket);
    serveSocket(socket, { jwtSecret: config.JWT_SECRET, limiter, metrics, logger });
  });

  app.get("/healthz", async (_req, res) => {
    const redisStatus = redis ? await redis.ping().then(() => "ok", () => "unreachable") : undefined;
    const healthy = redisStatus !== "unreachable";
    res.status(healthy ? 200 : 503).json({ status: healthy ? "ok" : "degraded", ...(redisStatus && { redis: redisStatus }) });
  });
  app.get("/metrics", async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
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
