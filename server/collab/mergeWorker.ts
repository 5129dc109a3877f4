// Runs in a worker thread: folds a snapshot and update rows into one Yjs state, off the main thread.
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";
import { mergeState, type MergeRequest } from "./mergeState";

parentPort?.on("message", (request: MergeRequest & { id: number }) => {
  try {
    const result = mergeState(request);
    parentPort!.postMessage({ id: request.id, ok: true, ...result }, [result.data.buffer, result.stateVector.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, message: (error as Error).message });
  }
});

// Keep the import of Yjs here too, so the worker fails at start (not at first use) if it cannot load.
void Y;
