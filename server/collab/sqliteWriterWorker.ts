// Runs in the SQLite writer thread (sqliteWriter.ts): one prepared INSERT transaction per group commit on a
// connection of its own, answered once committed. Waiting for SQLite's write lock (busy timeout up to 10 s)
// happens here, never on the thread serving sockets. At normal priority: every edit waits for this thread.
import { close, closeSync, fdatasync, fdatasyncSync, open, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import type { UpdateRow } from "./core/storage";
import { openSqliteWrites } from "./sqliteWrites";
import { workerInput } from "./typescriptWorker";

export type WriterInput = { file: string };
export type WriterMessage = { kind: "append"; id: number; rows: UpdateRow[]; at: number } | { kind: "close" };
export type WriterReply = { id: number; ok: true } | { id: number; ok: false; message: string };

/**
 * A commit at synchronous=NORMAL survives kill -9 at once and a power cut once the WAL is synced: this
 * long after a commit, the WAL is synced on libuv's thread pool (this thread keeps committing meanwhile).
 */
export const SYNC_WAL_AFTER_MS = 100;

const { file } = workerInput<WriterInput>();
const writes = openSqliteWrites(file, { checkpointsElsewhere: true });
let syncTimer: NodeJS.Timeout | null = null;

function syncWalSoon(): void {
  if (syncTimer) return;
  syncTimer = setTimeout(() => {
    syncTimer = null;
    open(`${file}-wal`, "r+", (error, fd) => {
      if (error) return; // no WAL: everything is in the database file, which a checkpoint synced
      fdatasync(fd, () => close(fd, () => undefined));
    });
  }, SYNC_WAL_AFTER_MS);
}

function syncWalNow(): void {
  let fd: number;
  try {
    fd = openSync(`${file}-wal`, "r+");
  } catch {
    return; // closing the last connection checkpointed the WAL into the database file and removed it
  }
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

parentPort!.on("message", (message: WriterMessage) => {
  if (message.kind === "close") {
    if (syncTimer) clearTimeout(syncTimer);
    writes.close();
    syncWalNow(); // shutting down: the last commits go to disk before the process ends
    parentPort!.close();
    return;
  }
  let reply: WriterReply;
  try {
    const createdAt = new Date(message.at);
    writes.append(message.rows.map((row) => ({ ...row, createdAt })));
    reply = { id: message.id, ok: true };
    syncWalSoon();
  } catch (error) {
    reply = { id: message.id, ok: false, message: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
