/** Where `npm start` runs its embedded Postgres (PGlite) when DATABASE_URL is unset. */
export const EMBEDDED_DATABASE_PORT = 5499;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/postgres`;

export function databaseUrlFromEnv(env: { DATABASE_URL?: string | undefined }): string {
  return env.DATABASE_URL || EMBEDDED_DATABASE_URL;
}
