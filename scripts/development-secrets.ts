import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Local secrets for development runs, generated once into `dir` (git-ignored .data/). Returns them and their file. */
export function developmentSecrets(dir: string): { JWT_SECRET: string; INTERNAL_SECRET: string; file: string } {
  const file = join(dir, "dev-secrets.json");
  if (existsSync(file)) return { ...JSON.parse(readFileSync(file, "utf8")), file };
  const secrets = {
    JWT_SECRET: randomBytes(48).toString("base64url"),
    INTERNAL_SECRET: randomBytes(48).toString("base64url"),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { ...secrets, file };
}
