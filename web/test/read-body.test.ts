import { AppError } from "@orderly/shared";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES, readBody } from "@/http/read-body.ts";

/** A chunked body (no Content-Length) of `total` bytes, produced only as it is read; counts what was pulled. */
function streamedRequest(total: number) {
  const chunk = new Uint8Array(16 * 1024).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api/orders", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBody", () => {
  it("stops reading a chunked body at the limit and answers 413", async () => {
    const { request, pulled } = streamedRequest(64 * 1024 * 1024);
    const error = await readBody(request, z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * 16 * 1024);
  });

  it("refuses a declared oversize body without reading it", async () => {
    const { request, pulled } = streamedRequest(64 * 1024 * 1024);
    request.headers.set("content-length", String(MAX_BODY_BYTES + 1));
    await expect(readBody(request, z.unknown())).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled()).toBeLessThanOrEqual(16 * 1024);
  });

  it("reads a body under the limit, and refuses bytes that are not UTF-8", async () => {
    const ok = new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ a: "é" }) });
    expect(await readBody(ok, z.object({ a: z.string() }))).toEqual({ a: "é" });
    const latin1 = new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" }, body: new Uint8Array([0x22, 0xe9, 0x22]) });
    await expect(readBody(latin1, z.string())).rejects.toMatchObject({ code: "BAD_REQUEST", fields: { body: "not valid JSON in UTF-8" } });
  });
});
