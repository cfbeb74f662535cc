import { AppError } from "@orderly/shared";
import { log } from "../log.ts";

export function errorResponse(error: AppError): Response {
  return Response.json(error.toBody(), { status: error.status, headers: error.headers });
}

/** Is this error the database being unreachable (down, restarting, refusing connections) or saturated (no connection or transaction in time)? */
function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error as { code?: unknown; cause?: unknown; name?: unknown; message?: unknown } | undefined; e && !seen.has(e); e = e.cause as typeof e) {
    seen.add(e);
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "P1001", "P1017", "P2024", "P2028"].includes(String(e.code))) return true;
    if (/DatabaseNotReachable|ConnectionClosed|Connection terminated|Server has closed the connection|connect ECONNREFUSED|too many clients/i.test(String(e.message ?? e.name))) return true;
  }
  return false;
}

/** Any error as the answer a client gets: its own AppError, 503 for an unreachable database, else a logged 500. */
export function answerError(request: Request, error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error);
  if (isDatabaseUnavailable(error)) {
    log().error({ err: error instanceof Error ? error.message : String(error) }, "database unavailable");
    return errorResponse(new AppError("DATABASE_UNAVAILABLE", "The database is unavailable; try again shortly", { headers: { "Retry-After": "2" } }));
  }
  log().error({ err: error, method: request.method, path: new URL(request.url).pathname }, "request failed");
  return errorResponse(new AppError("INTERNAL", "Internal error"));
}
