import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db, databaseProvider } from "~/models/db.server";
import { MigrationError, migrateDatabase } from "../../server/migrate";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function startServer(env: Record<string, string>) {
  try {
    await run(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: root, env: { PATH: process.env.PATH!, NODE_ENV: "test", ...env }, timeout: 20_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe("start-up", () => {
  it("applies migrations once and is a no-op the second time", async () => {
    expect(await migrateDatabase(process.env.TEST_DATABASE_URL!)).toEqual([]);
    expect(await db().organisation.count()).toBe(0);
  });

  it("refuses a database that is newer than the code, with a clear message", async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const insert =
      databaseProvider() === "sqlite"
        ? `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('future', 'x', CURRENT_TIMESTAMP, '29990101000000_from_the_future', CURRENT_TIMESTAMP, 1)`
        : `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('future', 'x', now(), '29990101000000_from_the_future', now(), 1)`;
    await db().$executeRawUnsafe(insert);
    await expect(migrateDatabase(url)).rejects.toThrow(MigrationError);
    await expect(migrateDatabase(url)).rejects.toThrow(/newer than this version.*29990101000000_from_the_future/);

    const started = await startServer({ DATABASE_URL: url, PORT: "0", SESSION_SECRET: "s".repeat(32) });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/newer than this version of POET Action Planner/);
    await db().$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE id = 'future'`);
  });

  it("stops with one line naming a bad variable", async () => {
    const started = await startServer({ PORT: "not-a-port", DATABASE_URL: process.env.TEST_DATABASE_URL! });
    expect(started.code).toBe(1);
    expect(started.stderr.trim().split("\n")).toHaveLength(1);
    expect(started.stderr).toMatch(/^Invalid configuration: PORT/);
  });
});
