// Generates both Prisma clients offline (docs/decisions/002-prisma-two-providers.md):
// prisma/schema.prisma (SQLite) is the source; the PostgreSQL schema is derived from it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchema = path.join(root, "prisma/schema.prisma");
const pgSchema = path.join(root, "prisma/postgresql/schema.prisma");

/** Returns the PostgreSQL copy of the SQLite schema: provider and client output swapped. */
export function derivePostgresSchema(source) {
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../app/generated/prisma-sqlite"', 'output       = "../../app/generated/prisma-postgresql"');
  if (derived === source || !derived.includes('"postgresql"') || !derived.includes("prisma-postgresql")) {
    throw new Error("prisma/schema.prisma: could not derive the PostgreSQL schema (provider or output line changed shape)");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs. Do not edit.\n" + derived;
}

export function writePostgresSchema() {
  mkdirSync(path.dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, derivePostgresSchema(readFileSync(sqliteSchema, "utf8")));
  return pgSchema;
}

function generate(schema) {
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/placeholder.db", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writePostgresSchema();
  generate(sqliteSchema);
  generate(pgSchema);
}
