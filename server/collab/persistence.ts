// Durable storage of workspace documents: append-only DocUpdate rows (on SQLite, written on a thread of
// their own, sqliteWriter.ts), compacted into one DocSnapshot.
import * as Y from "yjs";
import { databaseProvider, databaseUrl, db, type Tx } from "~/models/db.server";
import { checkpointSqliteOffThread, compactSqliteOffThread, mergeOffThread } from "./mergeState";
import { compactSqliteDocument } from "./sqliteCompaction";
import { LOAD_ORIGIN } from "./core/origins";
import { closePostgresWrites, postgresWritesFor } from "./postgresWrites";
import { SqliteWriter } from "./sqliteWriter";
import { closeSqliteWrites, sqliteFileOf, sqliteWritesFor, type CompactionCommit } from "./sqliteWrites";
import type { CompactionResult, DocumentStorage, LoadedState, UpdateRow } from "./core/storage";

export type { CompactionResult, DocumentStorage, LoadedState, UpdateRow };

const READ_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

export class DocumentStore implements DocumentStorage {
  /**
   * One committed write for a whole group commit. On PostgreSQL, one prepared INSERT of the rows as arrays
   * on the collaboration server's own connection (postgresWrites.ts): Prisma on this path cost more CPU per
   * edit than the rest of the server. On SQLite, one prepared INSERT transaction on the writer thread
   * (sqliteWriter.ts), so waiting for Prisma's write lock never stalls the sockets.
   */
  async append(rows: UpdateRow[]): Promise<void> {
    if (databaseProvider() === "postgresql") return postgresWritesFor(databaseUrl()).append(rows, new Date());
    return sqliteWriterFor(databaseUrl()).append(rows);
  }

  /** On SQLite, takes the writer lock and moves what an older version's edit log left (sqliteWriter.ts). */
  async open(): Promise<void> {
    if (databaseProvider() === "sqlite") sqliteWriterFor(databaseUrl());
  }

  purge(workspaceId: string): Promise<number> {
    return purgeStoredDocument(workspaceId);
  }

  /** Closes the write connections; on SQLite the writer's WAL is synced and its lock released. */
  async close(): Promise<void> {
    try {
      await closeSqliteWriter();
      await closePostgresWrites();
    } finally {
      closeSqliteWrites();
    }
  }

  async loadInto(doc: Y.Doc, workspaceId: string): Promise<LoadedState> {
    const { snapshot, rows } = await this.read(workspaceId);
    let bytes = 0;
    doc.transact(() => {
      if (snapshot) {
        Y.applyUpdate(doc, snapshot.data, LOAD_ORIGIN);
        bytes += snapshot.data.byteLength;
      }
      for (const row of rows) {
        Y.applyUpdate(doc, row.data, LOAD_ORIGIN);
        bytes += row.data.byteLength;
      }
    }, LOAD_ORIGIN);
    return { rows: rows.length, bytes };
  }

  async missingSince(workspaceId: string, stateVector: Uint8Array): Promise<Uint8Array> {
    const doc = new Y.Doc({ gc: true });
    try {
      await this.loadInto(doc, workspaceId);
      return Y.encodeStateAsUpdate(doc, stateVector);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Folds the snapshot and every update row it can see into one new snapshot and deletes exactly the rows
   * it read. The read and the merge happen outside any write transaction (the live document keeps being
   * written meanwhile); the write is one short transaction that first checks the snapshot is still the one
   * it read, so of two racing compactions the later loses and retries later. Rows appended meanwhile are
   * left for next time.
   */
  async compact(workspaceId: string): Promise<CompactionResult> {
    if (databaseProvider() === "sqlite") {
      const file = sqliteFileOf(databaseUrl());
      return compactSqliteOffThread(file, workspaceId, () => compactSqliteDocument(file, workspaceId));
    }
    const { snapshot, rows } = await this.read(workspaceId);
    if (rows.length === 0) return { rowsRead: 0, snapshotBytes: snapshot?.data.byteLength ?? 0 };
    const { data, stateVector } = await mergeOffThread({ snapshot: snapshot?.data ?? null, rows: rows.map((row) => row.data) });
    const commit = { workspaceId, expectedStateVector: snapshot?.stateVector ?? null, data, stateVector, rowIds: rows.map((row) => row.id) };
    const written = await commitCompaction(commit);
    return written ? { rowsRead: rows.length, snapshotBytes: data.byteLength } : { rowsRead: 0, snapshotBytes: snapshot?.data.byteLength ?? 0 };
  }

  private read(workspaceId: string) {
    if (databaseProvider() === "postgresql") return postgresWritesFor(databaseUrl()).read(workspaceId);
    // One transaction so a compaction committing between the two reads cannot hide rows from us.
    return db().$transaction((tx) => readRows(tx, workspaceId), { ...READ_OPTIONS, isolationLevel: "Serializable" });
  }
}

let sqliteWriter: { url: string; writer: SqliteWriter } | null = null;

/** The writer of the SQLite database the process is connected to (its lock taken, and what an older version left moved, on first use). */
function sqliteWriterFor(url: string): SqliteWriter {
  if (sqliteWriter?.url !== url) {
    void sqliteWriter?.writer.close().catch(() => undefined);
    const file = sqliteFileOf(url);
    sqliteWriter = { url, writer: new SqliteWriter(file, () => void checkpointSqliteOffThread(file).catch(() => undefined)) };
  }
  return sqliteWriter.writer;
}

async function closeSqliteWriter(): Promise<void> {
  const closing = sqliteWriter;
  sqliteWriter = null;
  await closing?.writer.close();
}

/**
 * Deletes everything stored for a plan's document, for good (the plan has been deleted): its DocUpdate rows
 * and DocSnapshot go in one transaction. Returns how many update rows went. The caller drops any loaded
 * copy first (DocumentRegistry.forget) so nothing writes them back. A plan that still exists is never purged:
 * a deletion notice from another instance that is wrong (or forged on Redis) costs its boards a reconnect, not
 * its edits.
 */
export async function purgeStoredDocument(workspaceId: string): Promise<number> {
  return db().$transaction(async (tx) => {
    if ((await tx.workspace.count({ where: { id: workspaceId } })) > 0) return 0;
    await lockWorkspace(tx, "compaction", workspaceId);
    const updates = await tx.docUpdate.deleteMany({ where: { workspaceId } });
    await tx.docSnapshot.deleteMany({ where: { workspaceId } });
    return updates.count;
  }, READ_OPTIONS);
}

/**
 * The end of a compaction: if the stored snapshot is still the one that was read, replace it and delete the
 * rows read, in one short transaction; otherwise write nothing and answer false (another compaction won).
 */
export async function commitCompaction(commit: CompactionCommit): Promise<boolean> {
  return databaseProvider() === "postgresql" ? commitOnPostgres(commit) : sqliteWritesFor(databaseUrl()).commitCompaction(commit);
}

/** On PostgreSQL, serialised per workspace across instances by an advisory lock (postgresWrites.ts). */
function commitOnPostgres(commit: CompactionCommit): Promise<boolean> {
  return postgresWritesFor(databaseUrl()).commitCompaction(commit, new Date());
}

type RawRow = { id: number | bigint; data: Uint8Array };

async function readRows(tx: Tx, workspaceId: string) {
  const snapshot = await tx.docSnapshot.findUnique({ where: { workspaceId }, select: { data: true, stateVector: true } });
  // Raw: hundreds of rows, and Prisma's row mapping costs more main-thread time than the query.
  const raw = await tx.$queryRawUnsafe<RawRow[]>(`SELECT "id", "data" FROM "DocUpdate" WHERE "workspaceId" = ? ORDER BY "id"`, workspaceId);
  const rows = raw.map((row) => ({ id: Number(row.id), data: row.data }));
  return { snapshot, rows };
}

/** Serialises one kind of maintenance on one workspace across instances (PostgreSQL; SQLite already has one writer). */
export async function lockWorkspace(tx: Tx, purpose: string, workspaceId: string): Promise<void> {
  if (databaseProvider() !== "postgresql") return;
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `${purpose}:${workspaceId}`);
}
