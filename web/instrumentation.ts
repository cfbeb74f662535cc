/** Next.js calls this once per server process. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./src/server-start.ts").then((m) => m.onServerStart());
}
