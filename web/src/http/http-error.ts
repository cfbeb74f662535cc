/** An error that becomes a JSON response `{ error: { code, message, fields? } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorResponse(error: HttpError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } },
    { status: error.status, headers: error.headers },
  );
}

export const notFound = (what: string, field?: string) =>
  new HttpError(404, "NOT_FOUND", `${what} not found`, field ? { [field]: `${what} not found` } : undefined);
export const forbidden = (message: string) => new HttpError(403, "FORBIDDEN", message);
