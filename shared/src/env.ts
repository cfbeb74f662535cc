import { z } from "zod";

export const MIN_SECRET_LENGTH = 32;

const secretSchema = z
  .string({ error: "is required" })
  .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`);

/**
 * The variables every server shares; spread into each app's own z.object. There are no
 * default secrets anywhere: a server without them refuses to start (`npm start` generates
 * local ones for a development run).
 */
export const commonEnvShape = {
  JWT_SECRET: secretSchema,
  INTERNAL_SECRET: secretSchema,
};

export const portSchema = z.coerce.number().int().min(0).max(65535);

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses process.env (or `env`) with `schema`; the error names every bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
}
