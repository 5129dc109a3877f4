// The compaction worker thread's SQLite work, synchronous: a whole compaction of one document (read the
// snapshot and rows, fold them, commit, then checkpoint the WAL), and checkpoints the SQLite writer asks for
// as rows are appended (sqliteWriter.ts). On SQLite every query (Prisma's too, through
// its better-sqlite3 adapter) runs on the calling thread, so doing this on the main thread held every
// socket for milliseconds per compaction (bench/collab.ts, 50 plans at once).
import Database from "better-sqlite3";
import type { CompactionResult } from "./core/storage";
import { mergeState } from "./mergeState";
import { openSqliteWrites, type SqliteWrites } from "./sqliteWrites";

type Connection = { file: string; read: Database.Database; readStored: (workspaceId: string) => StoredDocument; writes: SqliteWrites };
type StoredDocument = { snapshot: { data: Buffer; stateVector: Buffer } | undefined; rows: Array<{ id: number; data: Buffer }> };
let current: Connection | null = null;

/** This thread's connections to the process's database (a test run moves to a new file per test file). */
function connectionFor(file: string): Connection {
  if (current?.file !== file) {
    current?.read.close();
    current?.writes.close();
    const read = new Database(file, { fileMustExist: true });
    read.pragma("busy_timeout = 10000");
    const snapshot = read.prepare(`SELECT "data", "stateVector" FROM "DocSnapshot" WHERE "workspaceId" = ?`);
    const rows = read.prepare(`SELECT "id", "data" FROM "DocUpdate" WHERE "workspaceId" = ? ORDER BY "id"`);
    // One read transaction: a compaction committing between the two reads cannot hide rows from us.
    const readStored = read.transaction(
      (workspaceId: string): StoredDocument => ({
        snapshot: snapshot.get(workspaceId) as StoredDocument["snapshot"],
        rows: rows.all(workspaceId) as StoredDocument["rows"],
      }),
    );
    current = { file, read, readStored, writes: openSqliteWrites(file) };
  }
  return current;
}

/** Folds the stored rows of a workspace into its snapshot (see DocumentStore.compact for the rules). */
export function compactSqliteDocument(file: string, workspaceId: string): CompactionResult {
  const { readStored, writes } = connectionFor(file);
  const { snapshot, rows } = readStored(workspaceId);
  if (rows.length === 0) return { rowsRead: 0, snapshotBytes: snapshot?.data.byteLength ?? 0 };
  const { data, stateVector } = mergeState({ snapshot: snapshot?.data ?? null, rows: rows.map((row) => row.data) });
  const written = writes.commitCompaction({ workspaceId, expectedStateVector: snapshot?.stateVector ?? null, data, stateVector, rowIds: rows.map((row) => row.id) });
  // Copy the WAL into the database file here rather than in whichever commit on the main thread crosses
  // SQLite's automatic threshold (a checkpoint fsyncs the database file). PASSIVE never waits for writers.
  writes.checkpoint();
  return written ? { rowsRead: rows.length, snapshotBytes: data.byteLength } : { rowsRead: 0, snapshotBytes: snapshot?.data.byteLength ?? 0 };
}

/** Copies what it can of the WAL into the database file (appends on the writer thread never checkpoint). */
export function checkpointSqlite(file: string): void {
  connectionFor(file).writes.checkpoint();
}
