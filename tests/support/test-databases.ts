// Real databases for integration tests: a SQLite file or a PostgreSQL database per test file.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type TestProvider = "sqlite" | "postgresql";

export const PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const pgUrl = (database: string) => `postgresql://postgres@127.0.0.1:5432/${database}`;
export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;

export async function pgAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at 127.0.0.1:5432 (${(error as Error).message}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function sqliteTestUrl(): { url: string; cleanup: () => void } {
  const dir = path.join(os.tmpdir(), "poet-tests");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${uniqueName("db")}.db`);
  return {
    url: `file:${file}`,
    cleanup: () => {
      for (const suffix of ["", "-wal", "-shm", ".edits"]) rmSync(file + suffix, { force: true, recursive: true });
    },
  };
}

export async function createPgDatabase(template?: string): Promise<string> {
  const name = uniqueName("poet_test");
  await pgAdmin((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return name;
}

export async function dropPgDatabase(name: string): Promise<void> {
  await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
