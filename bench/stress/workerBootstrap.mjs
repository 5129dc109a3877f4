// The first module of the attack worker thread: Node 20 does not give worker threads the loader the
// process was started with, so register tsx here, then load the TypeScript entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
