// Runs in a worker thread: compaction work that must not stall the sockets on the main thread, either
// folding a snapshot and rows into one Yjs state (PostgreSQL) or a whole SQLite compaction.
import { parentPort } from "node:worker_threads";
import { mergeState, type CompactionJob } from "./mergeState";
import { checkpointSqlite, compactSqliteDocument } from "./sqliteCompaction";

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
