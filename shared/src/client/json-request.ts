export interface JsonRequest {
  method?: string;
  body?: unknown;
  /** Sent as Authorization: Bearer. */
  token?: string;
  headers?: Record<string, string>;
}

/** The fetch options of a call to the JSON API: POST when there is a body, GET otherwise. */
export function jsonRequestInit({ method, body, token, headers }: JsonRequest): RequestInit {
  return {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: {
      ...(body !== undefined && { "content-type": "application/json" }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
