// POET's afterDurable hook (server/collab/core/hooks.ts): runs the Action projection of a document a little
// after its changes become durable (debounced), and on unload. It follows each loaded document's actions:
// who changed what (ActionAuthors) and whether the Action table may differ from them; typing in notes or
// moving focus leaves the table alone. One projection per document at a time; a failure is logged and retried a few times with a
// growing pause (a SQLite lock held by another writer passes), then on the next change: pages that read
// the projection ("you said, we did") must not stay stale just because nobody edits again.
import { actionsOf, PRIORITIES_KEY, sessionOf } from "~/domain/workspace";
import { projectWorkspace, type ActorLookup } from "~/services/projectWorkspace.server";
import { ActionAuthors } from "./actionAuthors";
import type { DocumentObserver, ObservedDocument } from "./core/hooks";
import type { CollabLog } from "./core/log";

type SharedDocument = ObservedDocument;

/** What the projection follows of one loaded document. */
type Followed = {
  authors: ActionAuthors;
  /**
   * Whether the actions may differ from the Action table. Loading a document that has actions sets it, in
   * case a crash skipped a projection; a plan without actions never projects, so fifty fresh plans opening at
   * once do not all run Prisma on the main thread together.
   */
  unprojected: boolean;
};

const MAX_RETRIES = 5;
const RETRY_BASE_MS = 200;

export class ProjectionScheduler implements DocumentObserver {
  private readonly followed = new Map<SharedDocument, Followed>();
  private readonly timers = new Map<SharedDocument, NodeJS.Timeout>();
  /** When the first change not yet projected happened: continuous editing still projects every maxWaitMs. */
  private readonly firstChange = new Map<SharedDocument, number>();
  private readonly running = new Map<SharedDocument, Promise<void>>();
  /** Failed projections in a row, and the pending retry, per document. */
  private readonly failures = new Map<SharedDocument, number>();
  private readonly retries = new Map<SharedDocument, NodeJS.Timeout>();

  private readonly maxWaitMs: number;

  constructor(
    private readonly debounceMs: number,
    private readonly log: CollabLog,
  ) {
    this.maxWaitMs = Math.max(debounceMs * 10, 5000);
  }

  loaded(document: SharedDocument): void {
    const actions = actionsOf(document.ydoc);
    const followed: Followed = { authors: new ActionAuthors(document.ydoc), unprojected: actions.size > 0 };
    actions.observeDeep(() => {
      followed.unprojected = true;
    });
    // The plan's priorities are projected too (Action.priority); the timer, focus and votes' state are not.
    sessionOf(document.ydoc).observeDeep((events) => {
      if (events.some((e) => (e.path.length === 0 ? e.changes.keys.has(PRIORITIES_KEY) : e.path[0] === PRIORITIES_KEY))) followed.unprojected = true;
    });
    this.followed.set(document, followed);
  }

  durable(document: SharedDocument): void {
    if (this.followed.get(document)?.unprojected) this.changed(document);
  }

  forget(document: SharedDocument): void {
    clearTimeout(this.timers.get(document));
    this.timers.delete(document);
    this.firstChange.delete(document);
    this.cancelRetry(document);
    this.followed.delete(document);
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
    let pending = this.timers.has(document);
    clearTimeout(this.timers.get(document));
    this.timers.delete(document);
    this.firstChange.delete(document);
    await this.running.get(document);
    pending = this.cancelRetry(document) || pending;
    if (pending) await this.run(document);
    // The document is going away: a failure of that last run schedules no retry (the next load projects).
    this.cancelRetry(document);
  }

  /** Drops a pending retry; true when there was one. */
  private cancelRetry(document: SharedDocument): boolean {
    const had = this.retries.has(document);
    clearTimeout(this.retries.get(document));
    this.retries.delete(document);
    this.failures.delete(document);
    return had;
  }

  private async run(document: SharedDocument): Promise<void> {
    const previous = this.running.get(document);
    if (previous) await previous;
    const followed = this.followed.get(document);
    if (!followed) return; // forgotten meanwhile
    const startedAt = new Date();
    const actorFor: ActorLookup = (actionId, field) => {
      const author = followed.authors.authorOf(actionId, field === "created" || field === "deleted" ? "*" : field);
      if (!author) return null;
      const actorId = author.userId ?? (author.guestId ? `guest:${author.guestId}` : null);
      return { actorId, actorName: author.displayName, at: author.at };
    };
    followed.unprojected = false; // projectWorkspace reads the document synchronously, before its first await
    const work = projectWorkspace(document.workspaceId, document.ydoc, actorFor)
      .then(() => {
        followed.authors.forgetBefore(startedAt);
        this.failures.delete(document);
      })
      .catch((error: Error) => {
        followed.unprojected = true;
        const attempt = (this.failures.get(document) ?? 0) + 1;
        this.failures.set(document, attempt);
        const retry = attempt <= MAX_RETRIES;
        this.log.warn(`action projection failed; will retry ${retry ? "shortly" : "on the next change"}`, { workspaceId: document.workspaceId, attempt, error: error.message });
        if (retry && !this.retries.has(document)) {
          this.retries.set(
            document,
            setTimeout(() => {
              this.retries.delete(document);
              this.changed(document);
            }, RETRY_BASE_MS * 2 ** (attempt - 1)),
          );
        }
      })
      .finally(() => {
        if (this.running.get(document) === work) this.running.delete(document);
      });
    this.running.set(document, work);
    await work;
  }
}
