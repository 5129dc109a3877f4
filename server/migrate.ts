// Applies the migration set of the configured provider at start-up (docs/decisions/002).
// Uses Prisma's _prisma_migrations table layout so the Prisma CLI agrees with what we record.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf } from "~/models/db.server";

export class MigrationError extends Error {}

type Migration = { name: string; sql: string; checksum: string };
type Applied = { migration_name: string; checksum: string; finished_at: unknown };

const root = path.resolve(import.meta.dirname, "..");
const LOCK_KEY = 727_073_690; // pg advisory lock: one instance migrates at a time

const TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** The migrations this version of the code ships for a provider, oldest first. */
export function codeMigrations(provider: "sqlite" | "postgresql"): Migration[] {
  const dir = path.join(root, provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function plan(url: string, known: Migration[], applied: Applied[]): Migration[] {
  const knownNames = new Set(known.map((m) => m.name));
  const unknown = applied.filter((row) => !knownNames.has(row.migration_name)).map((row) => row.migration_name);
  const where = url.startsWith("file:") ? url.slice(5) : url.replace(/\/\/[^@]*@/, "//");
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database at ${where} is newer than this version of POET Action Planner: it has migration(s) ${unknown.join(", ")} that this code does not know. Run the newer version, or point DATABASE_URL at another database.`,
    );
  }
  const failed = applied.find((row) => !row.finished_at);
  if (failed) {
    throw new MigrationError(`Migration ${failed.migration_name} started on ${where} but never finished. Restore the database from a backup before starting again.`);
  }
  for (const row of applied) {
    const migration = known.find((m) => m.name === row.migration_name)!;
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} on ${where} differs from the one in this code (its file was edited after it was applied).`);
    }
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return known.filter((m) => !done.has(m.name));
}

function migrateSqlite(url: string): string[] {
  const file = url.slice("file:".length);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fresh = !existsSync(file);
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 10000");
    sqlite.exec(TABLE_SQLITE);
    const applied = sqlite.prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`).all() as Applied[];
    const pending = plan(url, codeMigrations("sqlite"), fresh ? [] : applied);
    for (const migration of pending) {
      sqlite.transaction(() => {
        sqlite.exec(migration.sql);
        sqlite
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`)
          .run(randomUUID(), migration.checksum, migration.name);
      }).immediate();
    }
    return pending.map((m) => m.name);
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(TABLE_PG);
    const { rows } = await client.query<Applied>(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
    const pending = plan(url, codeMigrations("postgresql"), rows);
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Brings the database up to this code's schema; returns the names of the migrations it applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  return providerOf(url) === "sqlite" ? migrateSqlite(url) : migratePostgres(url);
}
