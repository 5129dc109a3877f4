// Creates a new migration for BOTH providers from the change to prisma/schema.prisma since the
// last migration: `npm run db:migration -- <name>`. The schema as of the last migration is kept in
// prisma/migrations/schema.snapshot.prisma so diffs need no database (docs/decisions/002).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema, writePostgresSchema } from "./prisma-generate.mjs";

const root = path.resolve(import.meta.dirname, "..");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_notifications)");
  process.exit(2);
}
const schema = path.join(root, "prisma/schema.prisma");
const snapshot = path.join(root, "prisma/migrations/schema.snapshot.prisma");
const tmp = mkdtempSync(path.join(os.tmpdir(), "poet-migration-"));

function diff(from: string | null, to: string): string {
  const args = ["migrate", "diff", ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
  return execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], { cwd: root, encoding: "utf8" });
}

const pgTo = writePostgresSchema() as string;
let pgFrom: string | null = null;
if (existsSync(snapshot)) {
  pgFrom = path.join(tmp, "from.postgresql.prisma");
  writeFileSync(pgFrom, derivePostgresSchema(readFileSync(snapshot, "utf8")));
}
const sqliteSql = diff(existsSync(snapshot) ? snapshot : null, schema);
const pgSql = diff(pgFrom, pgTo);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sqliteSql)) {
  console.log("No schema changes since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const [dir, sql] of [["prisma/migrations", sqliteSql], ["prisma/postgresql/migrations", pgSql]] as const) {
  const folder = path.join(root, dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, folder)}/migration.sql`);
}
copyFileSync(schema, snapshot);
