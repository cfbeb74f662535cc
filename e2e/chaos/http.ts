import { jsonRequestInit, type JsonRequest } from "@orderly/shared/client";

/** Every answer the harness got, by status (0 = no answer: refused, reset or timed out). */
export const answers = new Map<number, number>();

/** A JSON request that reports failures as values, never throws: the driver decides what to retry. */
export async function request(
  url: string,
  options: JsonRequest & { timeoutMs?: number } = {},
): Promise<{ status: number; body: any }> {
  try {
    const response = await fetch(url, { ...jsonRequestInit(options), signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    // An answer cut off before its body arrived is no answer: thrown here, retried like a network error.
    const text = await response.text();
    answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
    return { status: response.status, body: parseJson(text) };
  } catch (error) {
    answers.set(0, (answers.get(0) ?? 0) + 1);
    return { status: 0, body: { error: { message: (error as Error).message } } };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries while the answer is a network error or a 5xx, up to `deadline`. */
export async function retrying(call: () => ReturnType<typeof request>, deadline: number) {
  for (let attempt = 0; ; attempt++) {
    const result = await call();
    if (result.status !== 0 && result.status < 500) return result;
    if (Date.now() > deadline) return result;
    await sleep(Math.min(2000, 100 * 2 ** attempt));
  }
}
