// Runs in a worker thread: compaction work that must not stall the sockets on the main thread, either
// folding a snapshot and rows into one Yjs state (PostgreSQL), a whole SQLite compaction, or a SQLite WAL
// checkpoint. One thread, jobs in the order they were sent.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { mergeState, type CompactionJob } from "./mergeState";
import { checkpointSqlite, compactSqliteDocument } from "./sqliteCompaction";

/**
 * Compaction is background work: on a machine with few cores its bursts of CPU (a merge of hundreds of
 * updates) must not take a core from the thread that serves the sockets, but it must not starve when every
 * core is busy either (the stored rows of a busy plan keep growing until it runs): nice 10 leaves it about
 * a tenth of a contended core (nice 19, about 1.5%, could fall behind the edits).
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
      checkpointSqlite(job.file);
      parentPort!.postMessage({ id: job.id, ok: true, result: null });
    }
  } catch (error) {
    parentPort!.postMessage({ id: job.id, ok: false, message: (error as Error).message });
  }
});
