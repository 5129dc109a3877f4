// The first module of an import-check worker thread. It lowers this thread's priority before anything
// else: checking a file is background work and must not take a core from the thread serving live editing
// on a machine with few cores. Threads and processes started from here (tsx's loader thread, its esbuild
// service) inherit the lower priority. On Linux a thread has its own nice value and raising it needs no
// privileges; elsewhere the check runs at normal priority. Then it loads the entry: the bundled worker
// (scripts/build-import-worker.mjs), or, if that could not be built, the TypeScript source through tsx
// (Node 20 does not give worker threads the loader the process was started with).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { workerData } from "node:worker_threads";

try {
  const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
} catch {
  // not Linux, or not permitted
}

if (!workerData.bundled) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
