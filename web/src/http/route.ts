import { HttpError, errorResponse } from "./http-error.ts";

type Handler<P> = (request: Request, params: P) => Promise<Response>;

/** Is this error the database being unreachable (down, restarting, refusing connections)? */
function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error as { code?: unknown; cause?: unknown; name?: unknown; message?: unknown } | undefined; e && !seen.has(e); e = e.cause as typeof e) {
    seen.add(e);
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "P1001", "P1017", "P2024"].includes(String(e.code))) return true;
    if (/DatabaseNotReachable|Connection terminated|connect ECONNREFUSED|too many clients/i.test(String(e.message ?? e.name))) return true;
  }
  return false;
}

/** Wraps a route handler: HttpErrors become their JSON response, an unreachable database 503, anything else 500. */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      if (isDatabaseUnavailable(error)) {
        console.error("database unavailable:", error instanceof Error ? error.message : error);
        return errorResponse(new HttpError(503, "DATABASE_UNAVAILABLE", "The database is unavailable; try again shortly", undefined, { "Retry-After": "2" }));
      }
      console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return errorResponse(new HttpError(500, "INTERNAL", "Internal error"));
    }
  };
}
