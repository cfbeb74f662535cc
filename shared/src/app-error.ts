import { z } from "zod";

/**
 * Every error the product reports, by code, with its HTTP status. The set is closed: web's
 * routes, the realtime server's socket errors and the browser client all use these codes, and
 * clients switch on the code, never on the message. NETWORK is the client's own: no answer came.
 */
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  ILLEGAL_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  RESTAURANT_PAUSED: 409,
  RESTAURANT_CLOSED: 409,
  ORDER_CAP_REACHED: 409,
  SLOT_UNAVAILABLE: 409,
  PIN_LOCKED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE_ITEMS: 422,
  NO_KITCHEN: 422,
  WRONG_PIN: 422,
  RATE_LIMITED: 429,
  TOO_MANY_CONNECTIONS: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  NETWORK: 0,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;
export const appErrorCodeSchema = z.enum(Object.keys(APP_ERROR_STATUS) as [AppErrorCode, ...AppErrorCode[]]);

/** The JSON body of every error answer: `{ error: { code, message, fields? } }`. */
export const appErrorBodySchema = z.object({
  error: z.object({
    code: appErrorCodeSchema,
    message: z.string(),
    /** Dotted field path → what is wrong with it, for forms to show next to the field. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type AppErrorBody = z.infer<typeof appErrorBodySchema>;

export interface AppErrorOptions {
  fields?: Record<string, string>;
  /** HTTP headers to answer with (Retry-After, WWW-Authenticate). */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.status = APP_ERROR_STATUS[code];
    this.fields = options.fields;
    this.headers = options.headers;
  }

  toBody(): AppErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields && { fields: this.fields }) } };
  }

  /** The error an answer's body describes; a body that is not one becomes INTERNAL. */
  static fromBody(status: number, json: unknown): AppError {
    const parsed = appErrorBodySchema.safeParse(json);
    if (!parsed.success) return new AppError("INTERNAL", `The server answered ${status}`);
    const { code, message, fields } = parsed.data.error;
    return new AppError(code, message, { fields });
  }
}

export const notFound = (what: string, field?: string) =>
  new AppError("NOT_FOUND", `${what} not found`, field ? { fields: { [field]: `${what} not found` } } : {});
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "body";
    fields[path] ??= issue.message;
  }
  return fields;
}

/** "customer.phone: must have 7 to 15 digits; items.0.quantity: must be at least 1" */
export function describeFieldErrors(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([path, message]) => `${path}: ${message}`)
    .join("; ");
}

/** A zod failure as the error every endpoint answers with: 400 naming each bad field. */
export function validationError(error: z.ZodError): AppError {
  const fields = fieldErrors(error);
  return new AppError("VALIDATION_FAILED", describeFieldErrors(fields), { fields });
}
