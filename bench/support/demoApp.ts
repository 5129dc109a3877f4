// A fresh app for page benchmarks: its own SQLite file (or PostgreSQL database), migrated, the demo council seeded, served on a free port.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { migrateDatabase } from "../../server/migrate";
import { seedDemo } from "../../server/seed";
import { startTestApp, type RunningApp } from "../../tests/support/app-server";
import { createPgDatabase, dropPgDatabase, pgUrl } from "../../tests/support/test-databases";

/** Runs the benchmark body against a freshly seeded demo app, then removes it whatever happens. */
/** BENCH_DATABASE=postgresql runs it on a fresh PostgreSQL database at 127.0.0.1:5432 (production's provider). */
export async function withDemoApp(name: string, body: (running: RunningApp) => Promise<void>, collabOptions: { unloadGraceMs?: number } = {}): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `poet-bench-${name}-`));
  const pgName = process.env.BENCH_DATABASE === "postgresql" ? await createPgDatabase() : null;
  const url = pgName ? pgUrl(pgName) : `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(url);
  await connectDatabase(url);
  process.env.TEST_DATABASE_URL = url;
  await seedDemo();
  const running = await startTestApp({}, collabOptions);
  try {
    await body(running);
  } finally {
    await running.close();
    await disconnectDatabase();
    rmSync(dir, { recursive: true, force: true });
    if (pgName) await dropPgDatabase(pgName);
  }
}
