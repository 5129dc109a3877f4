// The loaded documents: each loaded once however many sockets ask at the same time, kept while in use,
// persisted and dropped after a grace period once nobody is connected.
import { CloseCode } from "./closeCodes";
import type { Fanout } from "./fanout";
import type { Limits } from "./limits";
import type { CollabLog } from "./log";
import type { CollabHooks } from "./hooks";
import { SharedDocument } from "./sharedDocument";
import type { UpdateJournal } from "./updateJournal";

export type DocumentRegistryOptions = {
  journal: UpdateJournal;
  fanout: Fanout;
  hooks: CollabHooks;
  limits: Limits;
  log: CollabLog;
  compactionThreshold: number;
  unloadGraceMs: number;
};

export class DocumentRegistry {
  private readonly documents = new Map<string, SharedDocument>();
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly graceTimers = new Map<SharedDocument, NodeJS.Timeout>();

  constructor(private readonly options: DocumentRegistryOptions) {}

  /** Number of documents in memory (loaded or being unloaded). */
  get loadedCount(): number {
    return this.documents.size + this.unloading.size;
  }

  all(): SharedDocument[] {
    return [...this.documents.values()];
  }

  /** The loaded document, loading it first if needed; concurrent callers share one load. */
  async acquire(workspaceId: string): Promise<SharedDocument> {
    const loaded = this.documents.get(workspaceId);
    if (loaded) {
      this.cancelUnload(loaded);
      return loaded;
    }
    const inProgress = this.loading.get(workspaceId);
    if (inProgress) return inProgress;
    const load = this.load(workspaceId).finally(() => this.loading.delete(workspaceId));
    this.loading.set(workspaceId, load);
    return load;
  }

  /** Persists and drops a document now (shutdown), whatever its grace period. */
  async unload(document: SharedDocument): Promise<void> {
    this.cancelUnload(document);
    if (this.documents.get(document.workspaceId) !== document) return this.unloading.get(document.workspaceId);
    this.documents.delete(document.workspaceId);
    const work = this.persistAndDestroy(document).finally(() => this.unloading.delete(document.workspaceId));
    this.unloading.set(document.workspaceId, work);
    return work;
  }

  async unloadAll(): Promise<void> {
    await Promise.all([...this.documents.values()].map((document) => this.unload(document)));
    await Promise.all([...this.unloading.values()]);
  }

  private async load(workspaceId: string): Promise<SharedDocument> {
    // A previous copy may still be writing its snapshot; read after it has finished.
    await this.unloading.get(workspaceId);
    const { fanout, log, hooks } = this.options;
    const document: SharedDocument = new SharedDocument(workspaceId, {
      ...this.options,
      events: {
        idle: (doc) => this.scheduleUnload(doc),
        persisted: (doc) => hooks.afterDurable?.durable(doc),
        broken: (doc) => this.drop(doc),
      },
    });
    // Subscribe before reading so nothing published while we read is missed.
    await fanout.subscribe(workspaceId, { message: (message) => document.applyFanout(message), resync: () => void document.resync() });
    try {
      await document.load();
    } catch (error) {
      fanout.unsubscribe(workspaceId);
      document.destroy();
      log.error("could not load a document", { workspaceId, error: (error as Error).message });
      throw error;
    }
    hooks.afterDurable?.loaded(document);
    this.documents.set(workspaceId, document);
    return document;
  }

  /** Starts the grace period if nobody uses the document (e.g. its only socket closed while it loaded). */
  release(document: SharedDocument): void {
    if (document.idle) this.scheduleUnload(document);
  }

  private scheduleUnload(document: SharedDocument): void {
    if (this.documents.get(document.workspaceId) !== document || this.graceTimers.has(document)) return;
    this.graceTimers.set(
      document,
      setTimeout(() => {
        this.graceTimers.delete(document);
        if (document.idle) void this.unload(document);
      }, this.options.unloadGraceMs),
    );
  }

  private cancelUnload(document: SharedDocument): void {
    clearTimeout(this.graceTimers.get(document));
    this.graceTimers.delete(document);
  }

  private async persistAndDestroy(document: SharedDocument): Promise<void> {
    const { journal, hooks, fanout, log } = this.options;
    try {
      await journal.drain();
      if (!document.broken) {
        await hooks.afterDurable?.flush(document);
        await document.compact();
      }
    } catch (error) {
      log.warn("unload could not finish persisting", { workspaceId: document.workspaceId, error: (error as Error).message });
    } finally {
      fanout.unsubscribe(document.workspaceId);
      hooks.afterDurable?.forget(document);
      document.destroy();
    }
  }

  /**
   * Forgets a plan's document without saving it (the plan is being deleted): closes its sockets, waits for
   * queued writes and any unload in progress, and drops it, so nothing writes it back after a purge.
   */
  async forget(workspaceId: string, reason: string): Promise<void> {
    await this.loading.get(workspaceId)?.catch(() => undefined);
    const document = this.documents.get(workspaceId);
    if (document) {
      this.cancelUnload(document);
      this.documents.delete(workspaceId);
      document.closeAll(CloseCode.notFound, reason);
      this.options.fanout.unsubscribe(workspaceId);
      this.options.hooks.afterDurable?.forget(document);
      await this.options.journal.drain();
      document.destroy();
    }
    await this.unloading.get(workspaceId);
  }

  /** A document whose write failed: forget it at once so the next connection reloads from the database. */
  private drop(document: SharedDocument): void {
    this.cancelUnload(document);
    if (this.documents.get(document.workspaceId) === document) this.documents.delete(document.workspaceId);
    this.options.fanout.unsubscribe(document.workspaceId);
    this.options.hooks.afterDurable?.forget(document);
    void this.options.journal.drain().then(() => document.destroy());
  }
}
