import { apiErrorSchema } from "@orderly/shared";
import { jsonRequestInit, type JsonRequest } from "@orderly/shared/client";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** fetch for the JSON API: throws ApiError with the server's code, message and field errors. */
export async function api<T>(path: string, options: JsonRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...jsonRequestInit(options), cache: "no-store" });
  } catch {
    throw new ApiError(0, "NETWORK", "Cannot reach the server. Check the connection and try again.");
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields);
    throw new ApiError(response.status, "HTTP", `The server answered ${response.status}`);
  }
  return json as T;
}
