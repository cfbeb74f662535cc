import { z } from "zod";
import { DEMO_PASSWORD } from "./password.ts";

export const MIN_SECRET_LENGTH = 32;
/** A secret with fewer distinct characters than this ("aaaa…", "abab…") is refused. */
export const MIN_SECRET_DISTINCT_CHARACTERS = 10;

const secretSchema = z
  .string({ error: "is required" })
  .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
  .refine((s) => new Set(s).size >= MIN_SECRET_DISTINCT_CHARACTERS, `must have at least ${MIN_SECRET_DISTINCT_CHARACTERS} distinct characters`);

/**
 * The variables every server shares; spread into each app's own z.object and check the pair
 * with `refineSecrets`. There are no default secrets anywhere: a server without them refuses to
 * start (`npm start` generates local ones for a development run).
 */
export const commonEnvShape = {
  JWT_SECRET: secretSchema,
  INTERNAL_SECRET: secretSchema,
};

/** superRefine for an env object holding both secrets: they must differ. */
export function refineSecrets(env: { JWT_SECRET: string; INTERNAL_SECRET: string }, ctx: z.RefinementCtx): void {
  if (env.JWT_SECRET === env.INTERNAL_SECRET) {
    ctx.addIssue({ code: "custom", path: ["INTERNAL_SECRET"], message: "must differ from JWT_SECRET" });
  }
}

/**
 * The seed's staff password, read by the seed and by `npm start`: required in production, where
 * the demo password is refused.
 */
export const seedPasswordEnvSchema = z
  .object({
    NODE_ENV: z.string().default("development"),
    SEED_STAFF_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.SEED_STAFF_PASSWORD) ctx.addIssue({ code: "custom", path: ["SEED_STAFF_PASSWORD"], message: "is required in production" });
    else if (env.SEED_STAFF_PASSWORD === DEMO_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["SEED_STAFF_PASSWORD"], message: "must not be the demo password in production" });
    }
  });

export const portSchema = z.coerce.number().int().min(0).max(65535);

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Parses process.env (or `env`) with `schema`; the error names every bad variable. An empty
 * value counts as unset, so `.env.example` loads as written.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = schema.safeParse(set);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new EnvError(`Invalid environment: ${problems.join("; ")}`);
}
