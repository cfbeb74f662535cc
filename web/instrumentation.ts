/** Next.js calls this once per server process: start publishing whatever the outbox holds. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { outboxRelay } = await import("./src/outbox/relay.ts");
    outboxRelay();
  }
}
