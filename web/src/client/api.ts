import { AppError } from "@orderly/shared";
import { jsonRequestInit, type JsonRequest } from "@orderly/shared/client";

/** fetch for the JSON API: throws the server's AppError (code, message, field errors), or NETWORK when no answer came. */
export async function api<T>(path: string, options: JsonRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...jsonRequestInit(options), cache: "no-store" });
  } catch {
    throw new AppError("NETWORK", "Cannot reach the server. Check the connection and try again.");
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw AppError.fromBody(response.status, json);
  return json as T;
}
