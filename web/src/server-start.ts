import { clientAddressIsTrustworthy } from "./http/client-address.ts";
import { outboxRelay } from "./outbox/relay.ts";
import { startScheduler } from "./scheduler.ts";

/**
 * Refuses to serve when client addresses could be forged, then starts publishing whatever the
 * outbox holds and making the changes that fall due (scheduled orders, sold-out items coming back).
 */
export function onServerStart(): void {
  if (!clientAddressIsTrustworthy()) {
    console.error(
      "web must be started with server.ts (npm start, or `npm run dev -w @orderly/web`), or behind proxies with TRUST_PROXY set: under `next start` or `next dev` a client could forge its address.",
    );
    process.exit(1);
  }
  outboxRelay();
  startScheduler();
}
