// Runs in a worker thread: compaction work that must not stall the sockets on the main thread, either
// folding a snapshot and rows into one Yjs state (PostgreSQL), a whole SQLite compaction, or moving the
// SQLite edit log's rows into DocUpdate. One thread, jobs in the order they were sent: a compaction sent
// after a move reads the rows it moved.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { mergeState, type CompactionJob } from "./mergeState";
import { compactSqliteDocument, moveSegmentIntoDatabase } from "./sqliteCompaction";

/**
 * Compaction is background work: on a machine with few cores its bursts of CPU (a merge of hundreds of
 * updates) must not take a core from the thread that serves the sockets. But on SQLite this thread also
 * moves the edit log into DocUpdate, which loads wait for, so it must not starve when every core is busy:
 * nice 10 leaves it about a tenth of a contended core (nice 19, about 1.5%, could fall behind the edits).
 * On Linux a thread has its own nice value; lowering it needs no privileges. Elsewhere (no
 * /proc/thread-self) the thread keeps its priority.
 */
const WORKER_NICE = 10;

function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, WORKER_NICE);
  } catch {
    // not Linux, or not permitted: compaction still works, at normal priority
  }
}
lowerThisThreadsPriority();

parentPort?.on("message", (job: CompactionJob & { id: number }) => {
  try {
    if (job.kind === "merge") {
      const result = mergeState(job);
      parentPort!.postMessage({ id: job.id, ok: true, result }, [result.data.buffer, result.stateVector.buffer]);
    } else if (job.kind === "compact-sqlite") {
      parentPort!.postMessage({ id: job.id, ok: true, result: compactSqliteDocument(job.file, job.workspaceId) });
    } else {
      parentPort!.postMessage({ id: job.id, ok: true, result: moveSegmentIntoDatabase(job.file, job.segment) });
    }
  } catch (error) {
    parentPort!.postMessage({ id: job.id, ok: false, message: (error as Error).message });
  }
});
