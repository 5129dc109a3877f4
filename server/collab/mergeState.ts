// Folding a document's stored snapshot and update rows into one state: in a worker thread when it can,
// on the main thread otherwise. Compaction must not stall everyone's live edits.
import { Worker } from "node:worker_threads";
import * as Y from "yjs";

export type MergeRequest = { snapshot: Uint8Array | null; rows: Uint8Array[] };
export type MergeResult = { data: Uint8Array<ArrayBuffer>; stateVector: Uint8Array<ArrayBuffer> };

/** Bytes that own their whole ArrayBuffer: what Prisma's Bytes and a worker transfer need (copied only if not). */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

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

type Pending = { resolve: (result: MergeResult) => void; reject: (error: Error) => void };

/** One lazily started worker shared by every document; requests are answered in any order by id. */
class MergeWorker {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(new URL("./mergeWorker.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
      worker.unref();
      worker.on("message", (message: { id: number; ok: boolean; message?: string } & MergeResult) => {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!waiting) return;
        if (message.ok) waiting.resolve({ data: message.data, stateVector: message.stateVector });
        else waiting.reject(new Error(message.message));
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", () => this.fail(new Error("the merge worker stopped")));
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

  merge(request: MergeRequest): Promise<MergeResult> {
    const worker = this.start();
    if (!worker) return Promise.resolve(mergeState(request));
    const id = this.nextId++;
    return new Promise<MergeResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...request });
    }).catch(() => mergeState(request));
  }
}

const shared = new MergeWorker();

/** Merges off the main thread; falls back to the main thread if the worker cannot run. */
export function mergeOffThread(request: MergeRequest): Promise<MergeResult> {
  return shared.merge(request);
}
