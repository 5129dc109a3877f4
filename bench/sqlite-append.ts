// One SQLite group commit, as the collaboration server writes it (ADR 032): the writer thread's round trip
// (append → committed, sqliteWriter.ts) beside the same prepared INSERT transaction run on the main thread
// (what ADR 017's `ours-sqlite-insert` measured). Per commit: wall time until committed (p50, p99), how long
// the main thread was held (event-loop utilisation: its CPU and its waits) and the process's CPU (every
// thread). Then what a lock held by another connection (as Prisma's is during the app's writes) does to the
// main thread: a timer's lateness.
// BENCH_SQLITE_COMMITS (default 3000) commits per case.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { migrateDatabase } from "../server/migrate";
import type { UpdateRow } from "../server/collab/core/storage";
import { SqliteWriter } from "../server/collab/sqliteWriter";
import { openSqliteWrites, type SqliteWrites } from "../server/collab/sqliteWrites";
import { percentile } from "./collab";

const COMMITS = Number(process.env.BENCH_SQLITE_COMMITS ?? 3000);
const LOCK_HELD_MS = 200;

type Append = (rows: UpdateRow[]) => Promise<void> | void;

function rowsOf(count: number, n: number): UpdateRow[] {
  // ~100 bytes of update each, like one keystroke's Yjs update with its ids.
  return Array.from({ length: count }, (_, i) => ({ workspaceId: `ws-${(n + i) % 50}`, data: new Uint8Array(100).fill(n % 251), authorId: "u-1", authorName: "Ada" }));
}

async function measure(append: Append, rowsPerCommit: number) {
  const times: number[] = [];
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  for (let n = 0; n < COMMITS; n++) {
    const started = performance.now();
    await append(rowsOf(rowsPerCommit, n));
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(elu);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50) * 1000,
    p99: percentile(times, 99) * 1000,
    mainThread: (busy.active * 1000) / COMMITS,
    cpu: (used.user + used.system) / COMMITS,
  };
}

/**
 * How late a 10 ms timer fires when one commit is sent while another connection (in a thread of its own, as
 * Prisma's transaction is in effect) holds the write lock for LOCK_HELD_MS.
 */
async function timerLatenessUnderLock(file: string, append: Append): Promise<number> {
  const holder = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require(workerData.module);
     const db = new Database(workerData.file);
     db.exec("BEGIN IMMEDIATE");
     parentPort.postMessage("held");
     setTimeout(() => { db.exec("COMMIT"); db.close(); }, workerData.ms);`,
    { eval: true, workerData: { file, ms: LOCK_HELD_MS, module: createRequire(import.meta.url).resolve("better-sqlite3") } },
  );
  const exited = new Promise((resolve) => holder.once("exit", resolve));
  await new Promise((resolve, reject) => (holder.once("message", resolve), holder.once("error", reject)));
  const started = performance.now();
  let fired = 0;
  const timer = new Promise<void>((resolve) => setTimeout(() => ((fired = performance.now() - started), resolve()), 10));
  await Promise.all([append(rowsOf(1, 0)), timer]);
  await exited;
  return fired - 10;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-sqlite-"));
  try {
    const workerFile = path.join(dir, "worker.db");
    const mainFile = path.join(dir, "main.db");
    await migrateDatabase(`file:${workerFile}`);
    await migrateDatabase(`file:${mainFile}`);
    const writer = new SqliteWriter(workerFile, () => undefined);
    const main: SqliteWrites = openSqliteWrites(mainFile, { checkpointsElsewhere: true });
    const onMain: Append = (rows) => main.append(rows.map((row) => ({ ...row, createdAt: new Date() })));
    const onWorker: Append = (rows) => writer.append(rows);
    await onWorker(rowsOf(1, 0)); // the thread started and connected
    console.log(`${COMMITS} group commits per case, ~100-byte rows, alternating; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    for (const rowsPerCommit of [1, 8]) {
      for (let pass = 0; pass < 2; pass++) {
        for (const [label, append] of [
          ["writer thread", onWorker],
          ["main thread", onMain],
        ] as const) {
          const f = await measure(append, rowsPerCommit);
          console.log(
            `  ${rowsPerCommit} row${rowsPerCommit > 1 ? "s" : " "} ${label.padEnd(13)} committed after p50 ${f.p50.toFixed(0)} µs, p99 ${f.p99.toFixed(0)} µs | main thread held ${f.mainThread.toFixed(0)} µs, process CPU ${f.cpu.toFixed(0)} µs per commit`,
          );
        }
      }
    }
    console.log(`While another connection holds the write lock for ${LOCK_HELD_MS} ms, a 10 ms timer set as one commit is sent fires late by:`);
    console.log(`  writer thread ${(await timerLatenessUnderLock(workerFile, onWorker)).toFixed(1)} ms`);
    console.log(`  main thread   ${(await timerLatenessUnderLock(mainFile, onMain)).toFixed(1)} ms (the INSERT waits in SQLite's busy handler, holding the thread)`);
    await writer.close();
    main.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
