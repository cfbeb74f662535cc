import type { z } from "zod";
import type { internalEventBatchSchema } from "@orderly/shared";
import { internalHeaders } from "@orderly/shared/server";

/** Signed POST of a batch to the realtime server's /internal/events; throws unless it answers 2xx. */
export async function postBatch(realtimeUrl: string, secret: string, batch: z.input<typeof internalEventBatchSchema>, timeoutMs: number): Promise<void> {
  const body = JSON.stringify(batch);
  const response = await fetch(new URL("/internal/events", realtimeUrl), {
    method: "POST",
    headers: internalHeaders(secret, body),
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`realtime server answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}
