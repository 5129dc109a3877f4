// Folding a document's stored snapshot and update rows into one state: in a worker thread when it can,
// on the main thread otherwise. Compaction must not stall everyone's live edits.
import type { Worker } from "node:worker_threads";
import * as Y from "yjs";
import { ownBytes, type CompactionResult } from "./core/storage";
import { startTypeScriptWorker } from "./typescriptWorker";

export type MergeRequest = { snapshot: Uint8Array | null; rows: Uint8Array[] };
export type MergeResult = { data: Uint8Array<ArrayBuffer>; stateVector: Uint8Array<ArrayBuffer> };


/** The merged state and its state vector (pure; used by the worker and as the fallback). */
export function mergeState({ snapshot, rows }: MergeRequest): MergeResult {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const row of rows) Y.applyUpdate(doc, row);
    });
    return { data: ownBytes(Y.encodeStateAsUpdate(doc)), stateVector: ownBytes(Y.encodeStateVector(doc)) };
  } finally {
    doc.destroy();
  }
}

/** What the compaction worker thread is asked to do (mergeWorker.ts). */
export type CompactionJob =
  | ({ kind: "merge" } & MergeRequest)
  | { kind: "compact-sqlite"; file: string; workspaceId: string }
  | { kind: "checkpoint-sqlite"; file: string };

type Pending = { resolve: (result: unknown) => void; reject: (error: Error) => void };

/** One lazily started worker shared by every document; requests are answered in any order by id. */
class CompactionWorker {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = startTypeScriptWorker(new URL("./mergeWorker.ts", import.meta.url));
      worker.unref();
      worker.on("message", (message: { id: number; ok: boolean; message?: string; result?: unknown }) => {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!waiting) return;
        if (message.ok) waiting.resolve(message.result);
        else waiting.reject(new Error(message.message));
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", () => this.fail(new Error("the compaction worker stopped")));
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  private fail(error: Error) {
    this.broken = true;
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** Starts the thread now, so the first compaction does not also pay for starting it. */
  prepare(): void {
    this.start();
  }

  /** Runs the job in the worker; if the worker cannot run it (or dies), runs `here` on this thread instead. */
  run<T>(job: CompactionJob, here: () => T): Promise<T> {
    const worker = this.start();
    if (!worker) return Promise.resolve().then(here);
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref(); // a compaction in progress keeps the process alive
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, ...job });
    })
      .catch((error: Error) => {
        if (!this.broken) throw error; // the job itself failed (e.g. the database was busy): the caller retries later
        return here();
      })
      .finally(() => {
        if (this.pending.size === 0) this.worker?.unref();
      });
  }
}

const shared = new CompactionWorker();

/** Starts the compaction worker thread ahead of its first job (it idles without keeping the process alive). */
export function prepareCompactionWorker(): void {
  shared.prepare();
}

/** Merges off the main thread; falls back to the main thread if the worker cannot run. */
export function mergeOffThread(request: MergeRequest): Promise<MergeResult> {
  return shared.run({ kind: "merge", ...request }, () => mergeState(request));
}

/** Compacts a SQLite-stored document wholly off the main thread (read, merge, commit, checkpoint). */
export function compactSqliteOffThread(file: string, workspaceId: string, here: () => CompactionResult): Promise<CompactionResult> {
  return shared.run({ kind: "compact-sqlite", file, workspaceId }, here);
}

/** Checkpoints a SQLite database's WAL off the main thread; skipped if the worker cannot run (SQLite's own automatic checkpoints remain). */
export function checkpointSqliteOffThread(file: string): Promise<void> {
  return shared.run({ kind: "checkpoint-sqlite", file }, () => undefined);
}
