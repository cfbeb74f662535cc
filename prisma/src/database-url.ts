/** Where `npm start` runs its embedded Postgres when DATABASE_URL is unset; EMBEDDED_DATABASE_PORT moves it. */
const EMBEDDED_DATABASE_PORT = 5499;

const embeddedDatabaseUrl = (port: number | string) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;

/** DATABASE_URL, or else the embedded Postgres of `npm start`. Empty values count as unset. */
export function databaseUrlFromEnv(env: { DATABASE_URL?: string | undefined; EMBEDDED_DATABASE_PORT?: string | undefined }): string {
  return env.DATABASE_URL || embeddedDatabaseUrl(env.EMBEDDED_DATABASE_PORT || EMBEDDED_DATABASE_PORT);
}
