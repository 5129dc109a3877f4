// Every write the collaboration server makes to a SQLite database: the per-edit append and the short
// commit of a compaction, as prepared better-sqlite3 statements on a connection of its own. Synchronous
// on purpose: an append takes ~30 µs, less than a round trip through Prisma's engine or a worker thread
// costs on this hot path (bench/collab.ts; ADR 003), and the main thread's appends are synced to disk off
// that path (`syncWalWithinMs`).
import { close as closeFile, fdatasync, fdatasyncSync, openSync } from "node:fs";
import Database from "better-sqlite3";
import { log } from "../log";
import { checkpointSqliteOffThread } from "./mergeState";
import type { UpdateRow } from "./persistence";

/** The end of a compaction: replace the snapshot if it is still the one that was read, and delete the rows read. */
export type CompactionCommit = {
  workspaceId: string;
  /** The stored snapshot's state vector when the rows were read (null: there was no snapshot). */
  expectedStateVector: Uint8Array | null;
  data: Uint8Array<ArrayBuffer>;
  stateVector: Uint8Array<ArrayBuffer>;
  rowIds: number[];
};

export type SqliteWrites = {
  /**
   * Commits the rows (see openSqliteWrites for when they also survive a power cut). Settles at once unless
   * another connection holds the write lock (see `retryWhenLocked`).
   */
  append(rows: UpdateRow[]): Promise<void>;
  /** False when another compaction replaced the snapshot first (then nothing is written). */
  commitCompaction(commit: CompactionCommit): boolean;
  /** Copies what it can of the WAL into the database file without waiting for anyone. */
  checkpoint(): void;
  close(): void;
};

/** The file behind a `file:` URL (Prisma's form), without any query string. */
export function sqliteFileOf(url: string): string {
  return url.slice("file:".length).split("?")[0]!;
}

/** Byte-for-byte equality (null equals only null). */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/**
 * A PASSIVE checkpoint copies the frames that were in the WAL when it began, and SQLite rewinds the WAL only
 * when a write begins with every frame copied. Under steady appends some frames are always newer than one
 * pass, and the WAL grew without end (80 MB in ten seconds of bench/collab.ts). Each further pass copies
 * only the frames appended during the last, until a pass finds none.
 */
const CHECKPOINT_PASSES = 8;

// Prisma reads SQLite DateTime columns written as ISO text with an explicit offset.
const prismaNow = () => new Date().toISOString().replace("Z", "+00:00");
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** How the WAL file is synced (fs.fdatasync; a test passes its own to watch or fail the sync). */
export type SyncFile = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

export type SqliteWritesOptions = {
  /**
   * This connection's commits never checkpoint the WAL (a checkpoint fsyncs the whole database file);
   * whoever passes it must checkpoint from another thread.
   */
  checkpointsElsewhere?: boolean;
  /**
   * For the main thread's appends: the WAL file is synced on libuv's thread pool at most this many
   * milliseconds after an append, off the path of the edit. See ADR 003 for why an fsync per edit is not
   * on that path.
   */
  syncWalWithinMs?: number;
  syncFile?: SyncFile;
  /** The sync `close` does when appends are still waiting for theirs (fs.fdatasyncSync). */
  syncFileNow?: (fd: number) => void;
  /** A background sync failed (it is retried after the next append). */
  onSyncError?: (error: Error) => void;
  /**
   * For the main thread's appends: an append that finds the write lock taken (by the compaction worker's
   * commit, or Prisma's connection) gives the thread back and tries again shortly, instead of sleeping in
   * SQLite's busy handler, whose first sleep is a whole millisecond and stops every socket meanwhile.
   */
  retryWhenLocked?: boolean;
  /** How long a write waits for another connection's lock before it fails (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
};

/** How long a write waits for another connection's lock before it fails (as busy_timeout did). */
const LOCK_WAIT_MS = 10_000;
/** Retries on the next turn of the event loop before falling back to timers (a compaction commit holds the lock well under a millisecond). */
const IMMEDIATE_RETRIES = 16;

const isBusy = (error: unknown) => typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * Runs `attempt` now and, while it fails because another connection holds the write lock, again off this
 * turn of the event loop: first on the next turns (other sockets are served in between), then after
 * timers of growing length, for up to `lockWaitMs`.
 */
function untilUnlocked(attempt: () => void, lockWaitMs: number): Promise<void> {
  const giveUpAt = performance.now() + lockWaitMs;
  let tries = 0;
  return new Promise<void>((resolve, reject) => {
    // The first try runs now, inside the executor: an append that meets no lock settles without waiting.
    const tryNow = () => {
      try {
        attempt();
        resolve();
      } catch (error) {
        if (!isBusy(error) || performance.now() > giveUpAt) return reject(error as Error);
        tries++;
        if (tries < IMMEDIATE_RETRIES) setImmediate(tryNow);
        else setTimeout(tryNow, Math.min(tries - IMMEDIATE_RETRIES + 1, 20));
      }
    };
    tryNow();
  });
}

/**
 * Opens a write connection to a database in WAL mode, with synchronous=NORMAL set explicitly (better-sqlite3
 * builds SQLite with DEFAULT_WAL_SYNCHRONOUS=1, so a connection opening a WAL database runs NORMAL anyway;
 * until December 2026 ours did while this comment claimed FULL). When `append` returns, the rows are
 * committed: they survive kill -9 of this process. They survive a power cut once the WAL holding them is
 * synced: within `syncWalWithinMs`, or at the next checkpoint (which syncs the WAL before copying it). A
 * compaction commit needs no sync of its own: if a power cut undoes it, the rows it folded are still there.
 * FULL, an fsync inside every commit, is not used. On the main thread it made the slowest edits 10-17
 * times slower than the reference server's (ADR 003); on the compaction worker's connection it holds the
 * write lock through the fsync, and an append that finds the lock taken sleeps in SQLite's busy handler
 * (with FULL there, one benchmark run had edits waiting 200-340 ms).
 */
export function openSqliteWrites(file: string, options: SqliteWritesOptions = {}): SqliteWrites {
  const sqlite = new Database(file);
  // Prisma's connection (projection, the app) and the compaction worker write too: wait for their lock
  // rather than fail, in SQLite's busy handler or, for the main thread's appends, off the thread.
  const busyTimeout = (ms: number) => sqlite.pragma(`busy_timeout = ${ms}`);
  const lockWaitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
  busyTimeout(options.retryWhenLocked ? 0 : lockWaitMs);
  if (options.checkpointsElsewhere) sqlite.pragma("wal_autocheckpoint = 0");
  sqlite.pragma("synchronous = NORMAL");
  const syncWithin = options.syncWalWithinMs;
  const syncFile = options.syncFile ?? fdatasync;
  let walFd: number | null = null;
  let syncTimer: NodeJS.Timeout | null = null;
  let syncing: Promise<void> = Promise.resolve();
  // The WAL exists once this connection has committed (it is the file SQLite appended to).
  const walDescriptor = () => (walFd ??= openSync(`${file}-wal`, "r+"));
  const syncWal = () => {
    syncTimer = null;
    syncing = new Promise<void>((resolve) => {
      let fd: number;
      try {
        fd = walDescriptor();
      } catch (error) {
        options.onSyncError?.(error as Error);
        return resolve();
      }
      syncFile(fd, (error) => {
        if (error) options.onSyncError?.(error);
        resolve();
      });
    });
  };
  const syncSoon = () => {
    if (syncWithin === undefined || syncTimer) return;
    syncTimer = setTimeout(syncWal, syncWithin);
    syncTimer.unref();
  };
  const insert = sqlite.prepare(`INSERT INTO "DocUpdate" ("workspaceId","data","authorId","authorName","createdAt") VALUES (?, ?, ?, ?, ?)`);
  const storedStateVector = sqlite.prepare(`SELECT "stateVector" FROM "DocSnapshot" WHERE "workspaceId" = ?`).pluck();
  const upsertSnapshot = sqlite.prepare(
    `INSERT INTO "DocSnapshot" ("workspaceId","data","stateVector","updatedAt") VALUES (?, ?, ?, ?)
     ON CONFLICT ("workspaceId") DO UPDATE SET "data" = excluded."data", "stateVector" = excluded."stateVector", "updatedAt" = excluded."updatedAt"`,
  );
  const deleteRows = sqlite.prepare(`DELETE FROM "DocUpdate" WHERE "workspaceId" = ? AND "id" IN (SELECT value FROM json_each(?))`);

  const insertRow = (row: UpdateRow, at: string) => insert.run(row.workspaceId, asBuffer(row.data), row.authorId, row.authorName, at);
  const appendAll = sqlite.transaction((rows: UpdateRow[], at: string) => {
    for (const row of rows) insertRow(row, at);
  });
  const commit = sqlite.transaction((c: CompactionCommit): boolean => {
    const stored = (storedStateVector.get(c.workspaceId) as Buffer | undefined) ?? null;
    if (!sameBytes(stored, c.expectedStateVector)) return false;
    upsertSnapshot.run(c.workspaceId, asBuffer(c.data), asBuffer(c.stateVector), prismaNow());
    deleteRows.run(c.workspaceId, JSON.stringify(c.rowIds));
    return true;
  });

  const appendNow = (rows: UpdateRow[]) => {
    // One row (most group commits) is one statement in SQLite's own implicit transaction.
    if (rows.length === 1) insertRow(rows[0]!, prismaNow());
    else appendAll(rows, prismaNow());
    syncSoon();
  };

  return {
    append: (rows) => {
      if (options.retryWhenLocked) return untilUnlocked(() => appendNow(rows), lockWaitMs);
      appendNow(rows);
      return Promise.resolve();
    },
    // IMMEDIATE takes the write lock before the snapshot is checked, so the check and the write agree.
    commitCompaction: (c) => {
      if (!options.retryWhenLocked) return commit.immediate(c);
      busyTimeout(lockWaitMs); // rare here (the worker commits compactions): simply wait
      try {
        return commit.immediate(c);
      } finally {
        busyTimeout(0);
      }
    },
    checkpoint: () => {
      let copied = -1;
      for (let pass = 0; pass < CHECKPOINT_PASSES; pass++) {
        const [result] = sqlite.pragma("wal_checkpoint(PASSIVE)") as Array<{ busy: number; log: number; checkpointed: number }>;
        if (!result || result.busy !== 0 || result.checkpointed === copied) return;
        copied = result.checkpointed;
      }
    },
    close: () => {
      if (syncTimer) {
        // Appends are waiting for their sync: do it now rather than drop it.
        clearTimeout(syncTimer);
        try {
          (options.syncFileNow ?? fdatasyncSync)(walDescriptor());
        } catch (error) {
          options.onSyncError?.(error as Error);
        }
      }
      sqlite.close(); // the last connection to close checkpoints, syncs and removes the WAL
      const fd = walFd;
      if (fd !== null) void syncing.then(() => closeFile(fd, () => undefined));
    },
  };
}

/** The longest a committed edit waits for its fsync on the main thread's connection (ADR 003). */
const WAL_SYNC_WITHIN_MS = 1000;

/** Appends between WAL checkpoints requested of the compaction worker (each append adds a page or so to the WAL). */
const APPENDS_PER_CHECKPOINT = 500;

let current: { url: string; writes: SqliteWrites } | null = null;

/**
 * The main thread's write connection for the database the process is connected to (reopened if that
 * changes, as between test files). Its appends never checkpoint; every few hundred it asks the compaction
 * worker to.
 */
export function sqliteWritesFor(url: string): SqliteWrites {
  if (current?.url !== url) {
    current?.writes.close();
    const file = sqliteFileOf(url);
    const writes = openSqliteWrites(file, {
      checkpointsElsewhere: true,
      syncWalWithinMs: WAL_SYNC_WITHIN_MS,
      retryWhenLocked: true,
      onSyncError: (error) => log.error("collab: syncing the SQLite write-ahead log failed", { error: error.message }),
    });
    let appends = 0;
    const append = (rows: UpdateRow[]) => {
      if (++appends % APPENDS_PER_CHECKPOINT === 0) void checkpointSqliteOffThread(file, () => writes.checkpoint()).catch(() => undefined);
      return writes.append(rows);
    };
    current = { url, writes: { ...writes, append } };
  }
  return current.writes;
}

/** Closes the main thread's write connection, syncing what it committed (graceful shutdown). */
export function closeSqliteWrites(): void {
  current?.writes.close();
  current = null;
}
