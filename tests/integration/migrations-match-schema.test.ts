// The migrations a database is built from must arrive at exactly the tables, columns and indexes of
// prisma/schema.prisma. Several people add migrations in parallel; a migration written against an older
// schema can silently drop a column another one added (SQLite rebuilds tables to alter them). This builds
// one database from the migrations and one straight from the schema, and compares what each holds.
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/prisma-generate.mjs";
import { migrateDatabase } from "../../server/migrate";
import { createPgDatabase, dropPgDatabase, pgUrl, sqliteTestUrl, type TestProvider } from "../support/test-databases";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";

const root = path.resolve(import.meta.dirname, "../..");
const provider = (process.env.TEST_DB_PROVIDER ?? "sqlite") as TestProvider;

/** The SQL that builds the schema from nothing, as Prisma writes it. */
function schemaScript(): string {
  let schema = path.join(root, "prisma/schema.prisma");
  if (provider === "postgresql") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "poet-schema-"));
    schema = path.join(dir, "schema.prisma");
    writeFileSync(schema, derivePostgresSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")));
  }
  const args = ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"];
  return execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], { cwd: root, encoding: "utf8" });
}

type Shape = Record<string, string[]>;

function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const shape: Shape = {};
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'`).all() as { name: string }[];
    for (const { name } of tables) {
      const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
      const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(name) as { name: string; sql: string }[];
      const keys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string; to: string; on_delete: string }[];
      shape[name] = [
        ...columns.map((c) => `column ${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`),
        ...indexes.map((i) => `index ${i.sql.replace(/\s+/g, " ")}`),
        ...keys.map((k) => `foreign ${k.from} -> ${k.table}.${k.to} on delete ${k.on_delete}`),
      ].sort();
    }
    return shape;
  } finally {
    db.close();
  }
}

async function pgShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const shape: Shape = {};
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name != '_prisma_migrations'`,
    );
    for (const c of columns.rows) (shape[c.table_name] ??= []).push(`column ${c.column_name} ${c.data_type} nullable=${c.is_nullable} default=${c.column_default}`);
    const indexes = await client.query<{ tablename: string; indexdef: string }>(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename != '_prisma_migrations'`);
    for (const i of indexes.rows) (shape[i.tablename] ??= []).push(`index ${i.indexdef}`);
    const keys = await client.query<{ table: string; def: string }>(
      `SELECT conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    for (const k of keys.rows) (shape[k.table.replace(/"/g, "")] ??= []).push(`foreign ${k.def}`);
    for (const name of Object.keys(shape)) shape[name]!.sort();
    return shape;
  } finally {
    await client.end();
  }
}

describe(`migrations on ${provider}`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("build exactly the tables, columns, indexes and keys of prisma/schema.prisma", async () => {
    const script = schemaScript();
    if (provider === "sqlite") {
      const migrated = sqliteTestUrl();
      const direct = sqliteTestUrl();
      cleanups.push(migrated.cleanup, direct.cleanup);
      await migrateDatabase(migrated.url);
      const file = direct.url.slice("file:".length);
      const db = new Database(file);
      db.exec(script);
      db.close();
      expect(sqliteShape(migrated.url.slice("file:".length))).toEqual(sqliteShape(file));
    } else {
      const migrated = await createPgDatabase();
      const direct = await createPgDatabase();
      cleanups.push(() => dropPgDatabase(migrated), () => dropPgDatabase(direct));
      await migrateDatabase(pgUrl(migrated));
      const client = new pg.Client({ connectionString: pgUrl(direct) });
      await client.connect();
      await client.query(script);
      await client.end();
      expect(await pgShape(pgUrl(migrated))).toEqual(await pgShape(pgUrl(direct)));
    }
  }, 120_000);
});
