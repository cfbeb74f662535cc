// Serves the app like `next start` (or `next dev` with --dev), and records each request's TCP
// peer address in a header of our own, overwriting whatever a client sent, so rate limits cannot
// be dodged with a forged X-Forwarded-For.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { recordPeerAddress } from "./src/http/peer-address.ts";

const port = Number(process.env.WEB_PORT ?? 3000);
const listener = recordPeerAddress((req, res) => void handle(req, res));
const app = next({ dev: process.argv.includes("--dev"), dir: fileURLToPath(new URL(".", import.meta.url)), port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer(listener);
server.once("error", (error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `WEB_PORT ${port} is already in use.` : error);
  process.exit(1);
});
server.listen(port, () => console.log(`web listening on http://localhost:${port}`));

const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
