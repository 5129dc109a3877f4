// Every write the collaboration server makes to a SQLite database: the per-edit append and the short
// commit of a compaction, as prepared better-sqlite3 statements on one connection of its own. Synchronous
// on purpose: an append takes ~0.2 ms with its fsync, less than an async round trip through Prisma's
// engine or a worker thread costs on this hot path (bench/collab.ts; ADR 003), and with both writes on
// one connection a compaction never holds the lock an append is waiting for.
import Database from "better-sqlite3";
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
  append(rows: UpdateRow[]): void;
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

/**
 * Opens a write connection (WAL, SQLite's default synchronous=FULL: a commit survives kill -9 and power loss).
 * `checkpointsElsewhere`: this connection's commits never checkpoint the WAL (a checkpoint fsyncs the whole
 * database file); whoever passes it must checkpoint from another thread.
 */
export function openSqliteWrites(file: string, options: { checkpointsElsewhere?: boolean } = {}): SqliteWrites {
  const sqlite = new Database(file);
  // Prisma's connection (projection, the app) writes too: wait for its lock rather than fail.
  sqlite.pragma("busy_timeout = 10000");
  if (options.checkpointsElsewhere) sqlite.pragma("wal_autocheckpoint = 0");
  const insert = sqlite.prepare(`INSERT INTO "DocUpdate" ("workspaceId","data","authorId","authorName","createdAt") VALUES (?, ?, ?, ?, ?)`);
  const storedStateVector = sqlite.prepare(`SELECT "stateVector" FROM "DocSnapshot" WHERE "workspaceId" = ?`).pluck();
  const upsertSnapshot = sqlite.prepare(
    `INSERT INTO "DocSnapshot" ("workspaceId","data","stateVector","updatedAt") VALUES (?, ?, ?, ?)
     ON CONFLICT ("workspaceId") DO UPDATE SET "data" = excluded."data", "stateVector" = excluded."stateVector", "updatedAt" = excluded."updatedAt"`,
  );
  const deleteRows = sqlite.prepare(`DELETE FROM "DocUpdate" WHERE "workspaceId" = ? AND "id" IN (SELECT value FROM json_each(?))`);

  const appendAll = sqlite.transaction((rows: UpdateRow[], at: string) => {
    for (const row of rows) insert.run(row.workspaceId, asBuffer(row.data), row.authorId, row.authorName, at);
  });
  const commit = sqlite.transaction((c: CompactionCommit): boolean => {
    const stored = (storedStateVector.get(c.workspaceId) as Buffer | undefined) ?? null;
    if (!sameBytes(stored, c.expectedStateVector)) return false;
    upsertSnapshot.run(c.workspaceId, asBuffer(c.data), asBuffer(c.stateVector), prismaNow());
    deleteRows.run(c.workspaceId, JSON.stringify(c.rowIds));
    return true;
  });

  return {
    append: (rows) => appendAll(rows, prismaNow()),
    // IMMEDIATE takes the write lock before the snapshot is checked, so the check and the write agree.
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
    const writes = openSqliteWrites(file, { checkpointsElsewhere: true });
    let appends = 0;
    const append = (rows: UpdateRow[]) => {
      writes.append(rows);
      if (++appends % APPENDS_PER_CHECKPOINT === 0) void checkpointSqliteOffThread(file, () => writes.checkpoint()).catch(() => undefined);
    };
    current = { url, writes: { ...writes, append } };
  }
  return current.writes;
}
