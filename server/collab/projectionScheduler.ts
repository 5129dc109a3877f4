// Runs the Action projection of a document a little after its changes become durable (debounced), and
// on unload. One projection per document at a time; a failure is logged and retried on the next change.
import { projectWorkspace, type ActorLookup } from "~/services/projectWorkspace.server";
import type { CollabLog } from "./log";
import type { SharedDocument } from "./sharedDocument";

export class ProjectionScheduler {
  private readonly timers = new Map<SharedDocument, NodeJS.Timeout>();
  /** When the first change not yet projected happened: continuous editing still projects every maxWaitMs. */
  private readonly firstChange = new Map<SharedDocument, number>();
  private readonly running = new Map<SharedDocument, Promise<void>>();

  private readonly maxWaitMs: number;

  constructor(
    private readonly debounceMs: number,
    private readonly log: CollabLog,
  ) {
    this.maxWaitMs = Math.max(debounceMs * 10, 5000);
  }

  /** Schedules a projection debounceMs after the latest change. */
  changed(document: SharedDocument): void {
    clearTimeout(this.timers.get(document));
    const now = Date.now();
    const first = this.firstChange.get(document) ?? now;
    this.firstChange.set(document, first);
    const delay = Math.max(0, Math.min(this.debounceMs, first + this.maxWaitMs - now));
    this.timers.set(
      document,
      setTimeout(() => {
        this.timers.delete(document);
        this.firstChange.delete(document);
        void this.run(document);
      }, delay),
    );
  }

  /** Projects now (unload, shutdown) if a projection was pending or one is running. */
  async flush(document: SharedDocument): Promise<void> {
    const pending = this.timers.has(document);
    clearTimeout(this.timers.get(document));
    this.timers.delete(document);
    this.firstChange.delete(document);
    await this.running.get(document);
    if (pending) await this.run(document);
  }

  private async run(document: SharedDocument): Promise<void> {
    const previous = this.running.get(document);
    if (previous) await previous;
    const startedAt = new Date();
    const actorFor: ActorLookup = (actionId, field) => {
      const author = document.authors.authorOf(actionId, field === "created" || field === "deleted" ? "*" : field);
      if (!author) return null;
      const actorId = author.userId ?? (author.guestId ? `guest:${author.guestId}` : null);
      return { actorId, actorName: author.displayName, at: author.at };
    };
    document.projecting(); // projectWorkspace reads the document synchronously, before its first await
    const work = projectWorkspace(document.workspaceId, document.ydoc, actorFor)
      .then(() => document.authors.forgetBefore(startedAt))
      .catch((error: Error) => {
        document.projectionFailed();
        this.log.warn("action projection failed; will retry on the next change", { workspaceId: document.workspaceId, error: error.message });
      })
      .finally(() => {
        if (this.running.get(document) === work) this.running.delete(document);
      });
    this.running.set(document, work);
    await work;
  }
}
