// A fresh app for page benchmarks: its own SQLite file, migrated, the demo council seeded, served on a free port.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { migrateDatabase } from "../../server/migrate";
import { seedDemo } from "../../server/seed";
import { startTestApp, type RunningApp } from "../../tests/support/app-server";

/** Runs the benchmark body against a freshly seeded demo app, then removes it whatever happens. */
export async function withDemoApp(name: string, body: (running: RunningApp) => Promise<void>, collabOptions: { unloadGraceMs?: number } = {}): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `poet-bench-${name}-`));
  const url = `file:${path.join(dir, "bench.db")}`;
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
  }
}
