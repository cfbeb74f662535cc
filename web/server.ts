// Serves the app like `next start` (or `next dev` with --dev), and records each request's TCP
// peer address in a header of our own, overwriting whatever a client sent, so rate limits cannot
// be dodged with a forged X-Forwarded-For. With WEB_PROCESSES above 1 this process forks that many
// workers sharing the port (node:cluster), counts their rate limits, and replaces one that dies.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { webEnvObject } from "./src/env.ts";
import { recordPeerAddress } from "./src/http/peer-address.ts";

const port = Number(process.env.WEB_PORT ?? 3000);
const dev = process.argv.includes("--dev");
const processes = dev ? 1 : webEnvObject.shape.WEB_PROCESSES.parse(process.env.WEB_PROCESSES);

if (cluster.isPrimary && processes > 1) superviseWorkers();
else await serve();

async function serve(): Promise<void> {
  const listener = recordPeerAddress((req, res) => void handle(req, res));
  const app = next({ dev, dir: fileURLToPath(new URL(".", import.meta.url)), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer(listener);
  server.once("error", (error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `WEB_PORT ${port} is already in use.` : error);
    process.exit(1);
  });
  server.listen(port, () => cluster.isPrimary && console.log(`web listening on http://localhost:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function superviseWorkers(): void {
  new RateLimiterClusterMaster();
  let stopping = false;
  let listening = 0;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on("listening", () => ++listening === processes && console.log(`web listening on http://localhost:${port} (${processes} processes)`));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // One that never served (a bad port, a broken build) would only fail again.
    if (listening < processes) process.exit(code || 1);
    console.error(`web process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
