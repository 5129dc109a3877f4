// Durable storage of workspace documents: append-only DocUpdate rows (on SQLite, written first to the edit
// log, editLog.ts), compacted into one DocSnapshot.
import * as Y from "yjs";
import { databaseProvider, databaseUrl, db, type Tx } from "~/models/db.server";
import { EditLog } from "./editLog";
import { compactSqliteOffThread, mergeOffThread, moveSegmentOffThread } from "./mergeState";
import { compactSqliteDocument, moveSegmentIntoDatabase } from "./sqliteCompaction";
import { LOAD_ORIGIN } from "./core/origins";
import { closePostgresWrites, postgresWritesFor } from "./postgresWrites";
import { closeSqliteWrites, openSqliteWrites, sameBytes, sqliteFileOf, sqliteWritesFor, type CompactionCommit, type SqliteWrites } from "./sqliteWrites";
import type { CompactionResult, DocumentStorage, LoadedState, UpdateRow } from "./core/storage";

export type { CompactionResult, DocumentStorage, LoadedState, UpdateRow };

const READ_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

export class DocumentStore implements DocumentStorage {
  /**
   * One write for a whole group commit. On SQLite, one write to the edit log (editLog.ts). On PostgreSQL,
   * one prepared INSERT of the rows as arrays on the collaboration server's own connection
   * (postgresWrites.ts): Prisma on this path cost more CPU per edit than the rest of the server.
   */
  async append(rows: UpdateRow[]): Promise<void> {
    if (databaseProvider() === "postgresql") return postgresWritesFor(databaseUrl()).append(rows, new Date());
    if (process.env.COLLAB_SQLITE_EDIT_LOG === "off") return plainInsert(databaseUrl(), rows);
    return editLogFor(databaseUrl()).append(rows);
  }

  async open(): Promise<void> {
    await flushSavedEdits();
  }

  purge(workspaceId: string): Promise<number> {
    return purgeStoredDocument(workspaceId);
  }

  /** On SQLite, moves what the edit log holds into DocUpdate, then closes the main thread's connection. */
  async close(): Promise<void> {
    try {
      await closeEditLog();
      await closePostgresWrites();
    } finally {
      closeSqliteWrites();
    }
  }

  async loadInto(doc: Y.Doc, workspaceId: string): Promise<LoadedState> {
    await flushSavedEdits();
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
      await flushSavedEdits(); // the rows it folds must be in DocUpdate
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

let plainWrites: { url: string; writes: SqliteWrites } | null = null;

/**
 * For measuring ADR 008 against the simplest durable alternative (bench/collab.ts, ours-sqlite-insert, ADR 017):
 * COLLAB_SQLITE_EDIT_LOG=off writes each group commit with one prepared INSERT per row in one transaction on a
 * main-thread connection, committed before the broadcast, SQLite checkpointing its WAL as it does by default.
 */
function plainInsert(url: string, rows: UpdateRow[]): void {
  if (plainWrites?.url !== url) {
    plainWrites?.writes.close();
    plainWrites = { url, writes: openSqliteWrites(sqliteFileOf(url)) };
  }
  const createdAt = new Date();
  plainWrites.writes.append(rows.map((row) => ({ ...row, createdAt })));
}

let editLog: { url: string; log: EditLog } | null = null;

/** The edit log of the SQLite database the process is connected to (opened, and what a crash left moved, on first use). */
function editLogFor(url: string): EditLog {
  if (editLog?.url !== url) {
    void editLog?.log.close().catch(() => undefined);
    const file = sqliteFileOf(url);
    editLog = { url, log: new EditLog(file, (segment) => moveSegmentOffThread(file, segment, () => moveSegmentIntoDatabase(file, segment))) };
  }
  return editLog.log;
}

/**
 * On SQLite, resolves once every edit this process has written is in DocUpdate (what reads of DocUpdate,
 * such as loading a document, need). Opens the edit log if this process has not yet, so that a crashed
 * predecessor's edits are moved first; a process that only reads DocUpdate while another serves edits (a
 * test beside a server process) passes `openIfClosed: false`.
 */
export async function flushSavedEdits({ openIfClosed = true } = {}): Promise<void> {
  if (databaseProvider() !== "sqlite") return;
  const log = openIfClosed ? editLogFor(databaseUrl()) : editLog?.url === databaseUrl() ? editLog.log : null;
  await log?.flush();
}

/**
 * Deletes everything stored for a plan's document, for good (the plan is being deleted): on SQLite the edit
 * log is first moved into DocUpdate (its segments hold several plans' edits, so this plan's are purged
 * there), then its DocUpdate rows and DocSnapshot go in one transaction. Returns how many update rows went.
 * The caller drops any loaded copy first (DocumentRegistry.forget) so nothing writes them back.
 */
export async function purgeStoredDocument(workspaceId: string, { openEditLog = true } = {}): Promise<number> {
  await flushSavedEdits({ openIfClosed: openEditLog });
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, "compaction", workspaceId);
    const updates = await tx.docUpdate.deleteMany({ where: { workspaceId } });
    await tx.docSnapshot.deleteMany({ where: { workspaceId } });
    return updates.count;
  }, READ_OPTIONS);
}

/** Moves what the edit log holds into DocUpdate and releases it to the next process (graceful shutdown). */
async function closeEditLog(): Promise<void> {
  const closing = editLog;
  editLog = null;
  await closing?.log.close();
}

/**
 * The end of a compaction: if the stored snapshot is still the one that was read, replace it and delete the
 * rows read, in one short transaction; otherwise write nothing and answer false (another compaction won).
 */
export async function commitCompaction(commit: CompactionCommit): Promise<boolean> {
  return databaseProvider() === "postgresql" ? commitOnPostgres(commit) : sqliteWritesFor(databaseUrl()).commitCompaction(commit);
}

/** On PostgreSQL, serialised per workspace across instances by an advisory lock. */
function commitOnPostgres({ workspaceId, expectedStateVector, data, stateVector, rowIds }: CompactionCommit): Promise<boolean> {
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, "compaction", workspaceId);
    const current = await tx.docSnapshot.findUnique({ where: { workspaceId }, select: { stateVector: true } });
    if (!sameBytes(current?.stateVector ?? null, expectedStateVector)) return false;
    await tx.docSnapshot.upsert({ where: { workspaceId }, create: { workspaceId, data, stateVector }, update: { data, stateVector } });
    for (let i = 0; i < rowIds.length; i += 1000) {
      const chunk = rowIds.slice(i, i + 1000);
      const list = chunk.map((_, k) => `$${k + 2}`).join(",");
      await tx.$executeRawUnsafe(`DELETE FROM "DocUpdate" WHERE "workspaceId" = $1 AND "id" IN (${list})`, workspaceId, ...chunk);
    }
    return true;
  }, READ_OPTIONS);
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
