// What a loaded document knows of its stored form: how many update rows and bytes the database holds for it
// (the size limit, and when to compact), and the compaction loop. Split out of SharedDocument: this is the
// storage seam (the adapter is the storage hook).
import type { CollabLog } from "./log";
import type { DocumentStorage } from "./storage";

export class StoredState {
  private rows = 0;
  private bytes = 0;
  private compacting: Promise<void> | null = null;

  constructor(
    private readonly workspaceId: string,
    private readonly storage: DocumentStorage,
    private readonly compactionThreshold: number,
    private readonly log: CollabLog,
    /** True once the document's copy is broken (a failed write): compaction stops. */
    private readonly broken: () => boolean,
  ) {}

  /** The stored rows were applied to the document (load). */
  loaded(rows: number, bytes: number): void {
    this.rows = rows;
    this.bytes = bytes;
  }

  /** Whether `extra` more bytes would take the document past its limit. */
  exceeds(extra: number, maxBytes: number): boolean {
    return this.bytes + extra > maxBytes;
  }

  /** An update of this size is being written. */
  writing(byteLength: number): void {
    this.bytes += byteLength;
  }

  /** A row was written: compacts in the background once past the threshold. */
  written(): void {
    this.rows++;
    if (this.rows >= this.compactionThreshold) void this.compact();
  }

  /** Folds update rows into the snapshot (one at a time per document). */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    this.compacting = this.compactWhileOverThreshold().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /**
   * One compaction, then more while rows appended during the last one (a burst of typing, which that one
   * did not read) are already past the threshold: waiting for the next edit could leave them until unload.
   * A failure waits for the next edit.
   */
  private async compactWhileOverThreshold(): Promise<void> {
    for (;;) {
      const bytesBefore = this.bytes;
      try {
        const result = await this.storage.compact(this.workspaceId);
        this.rows = Math.max(0, this.rows - result.rowsRead);
        this.bytes = result.snapshotBytes + Math.max(0, this.bytes - bytesBefore);
        if (result.rowsRead === 0 || this.broken() || this.rows < this.compactionThreshold) return;
      } catch (error) {
        this.log.warn("compaction failed; will retry later", { workspaceId: this.workspaceId, error: (error as Error).message });
        return;
      }
    }
  }
}
