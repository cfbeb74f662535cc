import { commonEnvShape, parseEnv, portSchema } from "@orderly/shared/server";
import { z } from "zod";

export const webEnvObject = z.object({
  ...commonEnvShape,
  DATABASE_URL: z.url(),
  REALTIME_PORT: portSchema.default(3001),
  REALTIME_INTERNAL_URL: z.url().optional(),
  NEXT_PUBLIC_REALTIME_URL: z.url().optional(),
});

const webEnvSchema = webEnvObject.transform((env) => ({
  ...env,
  REALTIME_INTERNAL_URL: env.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${env.REALTIME_PORT}`,
}));

export type WebEnv = z.infer<typeof webEnvSchema>;

let cached: WebEnv | undefined;

/** Read at request time, not at build time, so a deployment changes it without a rebuild. */
export function webEnv(): WebEnv {
  cached ??= parseEnv(webEnvSchema);
  return cached;
}
