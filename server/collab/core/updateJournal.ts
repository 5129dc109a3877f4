// Group commit: every update accepted during one tick (one socket read, whose frames are handled
// together, or one server-side write) is written in one committed write (one INSERT of all its rows), and
// only then may it be broadcast. The first write of an event-loop turn starts as soon as that tick's
// synchronous work ends (a microtask), not after every other socket of the turn has been read: waiting for the check phase added up to 2 ms to the
// slowest edits (bench/collab.ts). Updates read later in the same turn, as when a burst of edits arrives
// together, are written together in the turn's check phase: one commit (on PostgreSQL, one fsync) for the
// rest of the burst instead of one each. One write is in flight at a time; updates arriving meanwhile form
// the next batch.
import type { DocumentStorage, UpdateRow } from "./storage";

type Batch = { rows: UpdateRow[]; promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A failed batch is handled by whoever appended to it; this stops Node reporting it as unhandled.
  promise.catch(() => undefined);
  return { rows: [], promise, resolve, reject };
}

export class UpdateJournal {
  private queued: Batch | null = null;
  private inFlight: Promise<void> | null = null;
  private scheduled = false;
  /** A batch was written in this turn of the event loop; reset in the turn's check phase. */
  private wroteThisTurn = false;

  constructor(private readonly storage: DocumentStorage) {}

  /** Resolves once the row is durable; rejects if its batch could not be written. */
  append(row: UpdateRow): Promise<void> {
    if (!this.queued) this.queued = newBatch();
    this.queued.rows.push(row);
    this.schedule();
    return this.queued.promise;
  }

  /** Settles when everything appended so far is written (rejects if that write failed). */
  settled(): Promise<void> {
    return this.queued?.promise ?? this.inFlight ?? Promise.resolve();
  }

  /** Waits until nothing is queued or being written, whatever the outcome. */
  async drain(): Promise<void> {
    while (this.queued || this.inFlight) await this.settled().catch(() => undefined);
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    if (this.wroteThisTurn) {
      setImmediate(this.flushScheduled);
      return;
    }
    this.wroteThisTurn = true;
    setImmediate(this.turnEnded);
    queueMicrotask(this.flushScheduled);
  }

  // Created once: this runs for every edit, and a closure per call is an allocation (and, under tsx, a
  // call that names it).
  private readonly flushScheduled = () => {
    this.scheduled = false;
    void this.flush();
  };

  private readonly turnEnded = () => {
    this.wroteThisTurn = false;
  };

  private async flush(): Promise<void> {
    const batch = this.queued;
    if (!batch) return;
    this.queued = null;
    this.inFlight = batch.promise;
    try {
      await this.storage.append(batch.rows);
      batch.resolve();
    } catch (error) {
      batch.reject(error);
    } finally {
      this.inFlight = null;
      if (this.queued) this.schedule();
    }
  }
}
