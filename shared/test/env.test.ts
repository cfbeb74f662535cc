import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, commonEnvShape, parseEnv, refineSecrets, seedPasswordEnvSchema } from "../src/server.ts";

const schema = z.object({ ...commonEnvShape, PORT: z.coerce.number().default(3000) }).superRefine(refineSecrets);
const JWT_SECRET = "Kq3v9Lr2Xw8Tn5Yb1Hc7Md4Pf6Gs0Jz-_aB";
const INTERNAL_SECRET = "Zp4Rt8Vn2Qw6Lk0Jh3Fd7Sb1Xc5Mg9Ny_-aB";

const problem = (env: NodeJS.ProcessEnv, s: z.ZodType = schema) => {
  try {
    parseEnv(s, env);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
};

describe("server environment", () => {
  it("accepts two strong, different secrets", () => {
    expect(problem({ JWT_SECRET, INTERNAL_SECRET })).toBeNull();
  });

  it("refuses identical secrets and secrets with little variety, naming the variable", () => {
    expect(problem({ JWT_SECRET, INTERNAL_SECRET: JWT_SECRET })).toBe("Invalid environment: INTERNAL_SECRET must differ from JWT_SECRET");
    expect(problem({ JWT_SECRET: "a".repeat(32), INTERNAL_SECRET })).toBe("Invalid environment: JWT_SECRET must have at least 10 distinct characters");
    expect(problem({ JWT_SECRET, INTERNAL_SECRET: "abababababababababababababababab" })).toMatch(/INTERNAL_SECRET must have at least 10 distinct/);
    expect(problem({ JWT_SECRET: "short", INTERNAL_SECRET })).toMatch(/JWT_SECRET must be at least 32 characters/);
  });

  it("treats an empty value as unset, so .env.example loads as written", () => {
    expect(parseEnv(schema, { JWT_SECRET, INTERNAL_SECRET, PORT: "" }).PORT).toBe(3000);
    expect(problem({ JWT_SECRET: "", INTERNAL_SECRET })).toBe("Invalid environment: JWT_SECRET is required");
  });

  it("requires a seed password in production, and never the demo one", () => {
    expect(problem({ NODE_ENV: "production" }, seedPasswordEnvSchema)).toBe("Invalid environment: SEED_STAFF_PASSWORD is required in production");
    expect(problem({ NODE_ENV: "production", SEED_STAFF_PASSWORD: "orderly-demo" }, seedPasswordEnvSchema)).toBe(
      "Invalid environment: SEED_STAFF_PASSWORD must not be the demo password in production",
    );
    expect(problem({ NODE_ENV: "production", SEED_STAFF_PASSWORD: "a-real-kitchen-password" }, seedPasswordEnvSchema)).toBeNull();
    expect(problem({}, seedPasswordEnvSchema)).toBeNull();
  });
});
