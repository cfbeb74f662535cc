import { describeFieldErrors, fieldErrors } from "@orderly/shared";
import type { z } from "zod";
import { HttpError } from "./http-error.ts";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body and validates it: 415, 413 or 400 naming the field, never a 500. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, "PAYLOAD_TOO_LARGE", `body: larger than ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new HttpError(413, "PAYLOAD_TOO_LARGE", `body: larger than ${MAX_BODY_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "body: malformed JSON", { body: "malformed JSON" });
  }
  return parse(schema, json);
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error);
  throw new HttpError(400, "VALIDATION_FAILED", describeFieldErrors(fields), fields);
}
