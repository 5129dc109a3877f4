// Prisma CLI configuration for this offline machine (docs/decisions/002-prisma-two-providers.md).
// The CLI is used for `generate` and `migrate diff` only; the app applies migrations itself.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Any existing file: stops the CLI from downloading native engines it will never use.
const placeholder = path.resolve("package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    mkdirSync(path.resolve("data"), { recursive: true }); // a fresh clone has no data folder yet
    return new PrismaBetterSQLite3({ url: "file:./data/prisma-cli.db" });
  },
});
