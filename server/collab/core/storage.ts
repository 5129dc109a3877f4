// The storage hook (hooks.ts): what the core needs of where documents are kept, and the shapes storage
// adapters pass between them (persistence, the SQLite writer, compaction).
import type * as Y from "yjs";

export type UpdateRow = { workspaceId: string; data: Uint8Array<ArrayBuffer>; authorId: string | null; authorName: string | null };
export type LoadedState = { rows: number; bytes: number };
export type CompactionResult = { rowsRead: number; snapshotBytes: number };

/** The storage the collaboration core needs: one adapter per database, chosen once (persistence.ts is POET's). */
export interface DocumentStorage {
  /**
   * Before serving: gets the adapter ready to write; fails with a clear message if this process cannot (on
   * SQLite, another process holds the database's writer lock).
   */
  open?(): Promise<void>;
  /** Resolves once every row is durable: only then are the edits broadcast. */
  append(rows: UpdateRow[]): Promise<void>;
  loadInto(doc: Y.Doc, workspaceId: string): Promise<LoadedState>;
  compact(workspaceId: string): Promise<CompactionResult>;
  /** What the database holds that a document with this state vector lacks (empty update when nothing). */
  missingSince(workspaceId: string, stateVector: Uint8Array): Promise<Uint8Array>;
  /** Deletes everything stored for a document, for good (its plan was deleted); how many update rows went. */
  purge?(workspaceId: string): Promise<number>;
  /** Graceful shutdown: whatever was written but not yet on disk gets there now. */
  close?(): void | Promise<void>;
}

/** Bytes that own their whole ArrayBuffer: what a stored row and a worker transfer need (copied only if not). */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
