import { createHash } from "node:crypto";
import { cp, mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate } from "../src/migrate.ts";
import { createTestDatabase, type TestDatabase } from "../src/test-database.ts";

let db: TestDatabase;
let scratch: string;

beforeAll(async () => {
  db = await createTestDatabase("migrate", { migrated: false });
  scratch = await mkdtemp(join(tmpdir(), "orderly-migrations-"));
});
afterAll(async () => {
  await db?.drop();
  await rm(scratch, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const localMigrationNames = async () =>
  (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("migration runner", () => {
  it("applies every migration once, recording them as prisma migrate deploy does", async () => {
    const [first, second] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect([...first, ...second]).toEqual(await localMigrationNames());
    expect(await migrate(db.url)).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      db.url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(await localMigrationNames());
    for (const row of rows) {
      const sql = await readFile(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({ checksum: createHash("sha256").update(sql).digest("hex"), applied_steps_count: 1 });
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("records a failed migration, rolls its statements back, and then refuses to go on", async () => {
    const fresh = await createTestDatabase("migrate_fail", { migrated: false });
    try {
      const dir = join(scratch, "broken");
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(join(dir, "29991231000000_broken"));
      await writeFile(
        join(dir, "29991231000000_broken", "migration.sql"),
        `CREATE TABLE "Half" (id INT);\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;`,
      );
      await expect(migrate(fresh.url, dir)).rejects.toThrow(/29991231000000_broken failed: .*NoSuchTable/);
      const rows = await query<{ migration_name: string; finished_at: Date | null; logs: string | null }>(
        fresh.url,
        `SELECT migration_name, finished_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
      );
      expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
        ...(await localMigrationNames()).map((name) => [name, false]),
        ["29991231000000_broken", true],
      ]);
      expect(rows.at(-1)!.logs).toMatch(/NoSuchTable/);
      expect(await query(fresh.url, `SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);

      const error = await migrate(fresh.url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/29991231000000_broken failed earlier/);
    } finally {
      await fresh.drop();
    }
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = join(scratch, "edited");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(join(dir, "20261123000000_init", "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(migrate(db.url, dir)).rejects.toThrow(/changed after it was applied/);
  });
});
