// Worker threads that run one of our TypeScript modules (through tsWorkerBootstrap.mjs, which registers tsx).
import { Worker, workerData } from "node:worker_threads";

const bootstrap = new URL("./tsWorkerBootstrap.mjs", import.meta.url);

/** Starts a worker thread running the TypeScript module at `entry`; it reads `data` with workerInput(). */
export function startTypeScriptWorker(entry: URL, data: unknown = null): Worker {
  return new Worker(bootstrap, { workerData: { entry: entry.href, data } });
}

/** Inside such a worker: the `data` it was started with. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}
