import { z } from "zod";

/** Filled in by `npm start` outside production, and refused in production. */
export const DEV_SECRETS = {
  JWT_SECRET: "orderly-development-jwt-secret-not-for-production",
  INTERNAL_SECRET: "orderly-development-internal-secret-not-for-production",
} as const;

export const MIN_SECRET_LENGTH = 32;

const secretSchema = z
  .string({ error: "is required" })
  .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`);

/** The variables every server shares; spread into each app's own z.object. */
export const commonEnvShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  JWT_SECRET: secretSchema,
  INTERNAL_SECRET: secretSchema,
};

export const portSchema = z.coerce.number().int().min(0).max(65535);

/** superRefine for an app's env schema: production must not run on the development secrets. */
export function refuseDevSecretsInProduction(
  env: { NODE_ENV: string; JWT_SECRET: string; INTERNAL_SECRET: string },
  ctx: z.RefinementCtx,
): void {
  if (env.NODE_ENV !== "production") return;
  for (const name of ["JWT_SECRET", "INTERNAL_SECRET"] as const) {
    if (env[name] === DEV_SECRETS[name]) {
      ctx.addIssue({ code: "custom", path: [name], message: "is the development default; set a real secret in production" });
    }
  }
}

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
