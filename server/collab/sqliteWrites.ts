// The collaboration server's writes to a SQLite database, as prepared better-sqlite3 statements on a
// connection of its own: appending a group commit's rows to DocUpdate on the writer thread
// (sqliteWriterWorker.ts), the short commit of a compaction and WAL checkpoints on the compaction worker
// thread (sqliteCompaction.ts), and `commitCompaction` called on the main thread (persistence.ts).
import Database from "better-sqlite3";
import type { UpdateRow } from "./core/storage";

/** A row to store with the time it was written. */
export type DatedRow = UpdateRow & { createdAt: Date };

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
  /** Inserts the rows into DocUpdate in one transaction: committed (it survives kill -9) when this returns. */
  append(rows: DatedRow[]): void;
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
const prismaTime = (at: Date) => at.toISOString().replace("Z", "+00:00");
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export type SqliteWritesOptions = {
  /**
   * This connection's commits never checkpoint the WAL (a checkpoint fsyncs the whole database file);
   * whoever passes it must checkpoint from another thread.
   */
  checkpointsElsewhere?: boolean;
};

/** How long a write waits for another connection's lock before it fails. */
const LOCK_WAIT_MS = 10_000;

/**
 * Opens a write connection to a database in WAL mode, with synchronous=NORMAL set explicitly (better-sqlite3
 * builds SQLite with DEFAULT_WAL_SYNCHRONOUS=1, so a connection opening a WAL database runs NORMAL anyway).
 * A commit survives kill -9 at once and a power cut once the WAL holding it is synced: the writer thread
 * syncs it within ~0.1 s of a commit (sqliteWriterWorker.ts); a checkpoint syncs it before copying it. A compaction commit needs
 * no sync of its own: if a power cut undoes it, the rows it folded are still there. FULL, an fsync inside
 * every commit, is not used: it holds the write lock through the fsync, and Prisma's connection on the main
 * thread, finding the lock taken, sleeps in SQLite's busy handler (ADR 003).
 */
export function openSqliteWrites(file: string, options: SqliteWritesOptions = {}): SqliteWrites {
  const sqlite = new Database(file);
  // Prisma's connection (projection, the app) writes too: wait for its lock rather than fail.
  sqlite.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  if (options.checkpointsElsewhere) sqlite.pragma("wal_autocheckpoint = 0");
  sqlite.pragma("synchronous = NORMAL");
  const insert = sqlite.prepare(`INSERT INTO "DocUpdate" ("workspaceId","data","authorId","authorName","createdAt") VALUES (?, ?, ?, ?, ?)`);
  const storedStateVector = sqlite.prepare(`SELECT "stateVector" FROM "DocSnapshot" WHERE "workspaceId" = ?`).pluck();
  const upsertSnapshot = sqlite.prepare(
    `INSERT INTO "DocSnapshot" ("workspaceId","data","stateVector","updatedAt") VALUES (?, ?, ?, ?)
     ON CONFLICT ("workspaceId") DO UPDATE SET "data" = excluded."data", "stateVector" = excluded."stateVector", "updatedAt" = excluded."updatedAt"`,
  );
  const deleteRows = sqlite.prepare(`DELETE FROM "DocUpdate" WHERE "workspaceId" = ? AND "id" IN (SELECT value FROM json_each(?))`);

  const appendAll = sqlite.transaction((rows: DatedRow[]) => {
    for (const row of rows) insert.run(row.workspaceId, asBuffer(row.data), row.authorId, row.authorName, prismaTime(row.createdAt));
  });
  // IMMEDIATE takes the write lock before the snapshot is checked, so the check and the write agree.
  const commit = sqlite.transaction((c: CompactionCommit): boolean => {
    const stored = (storedStateVector.get(c.workspaceId) as Buffer | undefined) ?? null;
    if (!sameBytes(stored, c.expectedStateVector)) return false;
    upsertSnapshot.run(c.workspaceId, asBuffer(c.data), asBuffer(c.stateVector), prismaTime(new Date()));
    deleteRows.run(c.workspaceId, JSON.stringify(c.rowIds));
    return true;
  });

  return {
    append: (rows) => appendAll.immediate(rows),
    commitCompaction: (c) => commit.immediate(c),
    checkpoint: () => {
      let copied = -1;
      for (let pass = 0; pass < CHECKPOINT_PASSES; pass++) {
        const [result] = sqlite.pragma("wal_checkpoint(PASSIVE)") as Array<{ busy: number; log: number; checkpointed: number }>;
        if (!result || result.busy !== 0 || result.checkpointed === copied) return;
        copied = result.checkpointed;
      }
    },
    close: () => sqlite.close(),
  };
}

let current: { url: string; writes: SqliteWrites } | null = null;

/**
 * A main-thread write connection for the database the process is connected to (reopened if that changes,
 * as between test files), for `commitCompaction` in persistence.ts.
 */
export function sqliteWritesFor(url: string): SqliteWrites {
  if (current?.url !== url) {
    current?.writes.close();
    current = { url, writes: openSqliteWrites(sqliteFileOf(url), { checkpointsElsewhere: true }) };
  }
  return current.writes;
}

/** Closes the main thread's write connection. */
export function closeSqliteWrites(): void {
  current?.writes.close();
  current = null;
}
