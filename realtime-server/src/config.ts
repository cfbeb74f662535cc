import { commonEnvShape, parseEnv, portSchema } from "@orderly/shared/server";
import { z } from "zod";

export const realtimeEnvSchema = z.object({
    ...commonEnvShape,
    REALTIME_PORT: portSchema.default(3001),
    WEB_ORIGIN: z.url().default("http://localhost:3000"),
    REDIS_URL: z.url().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  });

export type RealtimeConfig = z.infer<typeof realtimeEnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  return parseEnv(realtimeEnvSchema, env);
}
