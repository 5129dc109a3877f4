// On SQLite, the collaboration server's appends to DocUpdate: one prepared INSERT transaction per group
// commit, sent as one message to a writer thread of its own (sqliteWriterWorker.ts). An append resolves
// only when that thread reports the rows committed, so an edit broadcast after it survives kill -9 of the
// process. On the main thread an INSERT would wait synchronously, up to SQLite's busy timeout, whenever
// Prisma's connection holds the write lock (the projection, the app's own writes): every socket would stall.
//
// One process writes a database's edits: the writer lock, SQLite's exclusive lock on
// `<database>.edits/writer.lock`, released by the operating system however the process ends. Taking it
// first moves into DocUpdate whatever an older version's edit log left in that folder (oldEditLog.ts).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { log } from "../log";
import type { UpdateRow } from "./core/storage";
import { moveOldEditLog } from "./oldEditLog";
import type { WriterInput, WriterMessage, WriterReply } from "./sqliteWriterWorker";
import { startTypeScriptWorker } from "./typescriptWorker";

/** The folder beside a database file that holds its writer lock (and, from ADR 008's version, edit-log segments). */
export const writerFolderOf = (databaseFile: string) => `${databaseFile}.edits`;

/** Rows appended between WAL checkpoints, which the compaction worker runs (a checkpoint fsyncs the database file). */
export const ROWS_PER_CHECKPOINT = 500;

type Pending = { resolve: () => void; reject: (error: Error) => void };

export class SqliteWriter {
  private readonly lock: Database.Database;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly writing = new Set<Promise<void>>();
  private nextId = 1;
  private rowsSinceCheckpoint = 0;
  private closed = false;

  /**
   * Takes the writer lock (or throws, saying what to do, if another process holds it) and moves what an
   * older version left; `checkpoint` is asked for every ROWS_PER_CHECKPOINT rows appended.
   */
  constructor(
    private readonly file: string,
    private readonly checkpoint: () => void,
  ) {
    const folder = writerFolderOf(file);
    mkdirSync(folder, { recursive: true });
    this.lock = holdWriterLock(path.join(folder, "writer.lock"), file);
    try {
      const moved = moveOldEditLog(file, folder);
      if (moved > 0) log.info("collab: moved edits left by an earlier version's edit log into the database", { rows: moved });
      this.start();
    } catch (error) {
      this.lock.close();
      throw error;
    }
  }

  /** Resolves once the rows are committed; rejects if they could not be (the edit is then refused). */
  append(rows: UpdateRow[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error("The server is shutting down; edits are no longer saved."));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref(); // a write in progress keeps the process alive
    const written = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ kind: "append", id, rows, at: Date.now() } satisfies WriterMessage);
    });
    this.writing.add(written);
    const done = () => this.writing.delete(written);
    written.then(done, done);
    return written.then(() => {
      this.rowsSinceCheckpoint += rows.length;
      if (this.rowsSinceCheckpoint >= ROWS_PER_CHECKPOINT) {
        this.rowsSinceCheckpoint = 0;
        this.checkpoint();
      }
    });
  }

  /** Waits for appends under way, closes the thread's connection (its WAL synced) and releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await Promise.allSettled([...this.writing]);
      const worker = this.worker;
      if (worker) {
        const exited = new Promise<void>((done) => worker.once("exit", () => done()));
        // The thread idles unreferenced; while it syncs and closes, it must keep the process alive, or a
        // process with nothing else left to do would exit before the last writes reach the disk.
        worker.ref();
        worker.postMessage({ kind: "close" } satisfies WriterMessage);
        await exited;
      }
    } finally {
      this.lock.close();
    }
  }

  private start(): Worker {
    const worker = startTypeScriptWorker(new URL("./sqliteWriterWorker.ts", import.meta.url), { file: this.file } satisfies WriterInput);
    worker.unref();
    worker.on("message", (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve();
      else waiting.reject(new Error(reply.message));
    });
    worker.on("error", (error) => log.error("collab: the SQLite writer thread failed", { error: error.message }));
    // Whatever was waiting fails (those edits are refused and re-sent); the next append starts a new thread.
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = null;
      const failure = new Error("the SQLite writer thread stopped");
      for (const waiting of this.pending.values()) waiting.reject(failure);
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }
}

/**
 * A lock only one process can hold: SQLite's exclusive lock on a small file of its own, released by the
 * operating system however the process ends (kill -9 included).
 */
function holdWriterLock(file: string, databaseFile: string): Database.Database {
  const lock = new Database(file, { timeout: 0 }); // a held lock fails at once rather than stall the thread
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE; COMMIT;");
    return lock;
  } catch (error) {
    lock.close();
    const busy = String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");
    if (!busy) throw error;
    throw new Error(
      `Another server process is already saving live edits for ${databaseFile}. Stop it first; to run several app instances, use PostgreSQL (DATABASE_URL=postgresql://…) with REDIS_URL.`,
    );
  }
}
