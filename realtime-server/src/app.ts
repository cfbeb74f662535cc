import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { RealtimeConfig } from "./config.ts";

export interface RealtimeServer {
  http: HttpServer;
  port: number;
  close(): Promise<void>;
}

export async function startRealtimeServer(config: RealtimeConfig, port = config.REALTIME_PORT): Promise<RealtimeServer> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  const http = createServer(app);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, "0.0.0.0", () => resolve());
  });
  return {
    http,
    port: (http.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
