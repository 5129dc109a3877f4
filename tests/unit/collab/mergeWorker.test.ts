// Compaction folds hundreds of updates; it must do so in a worker thread, not on the thread serving sockets.
// (Node 20 gives worker threads no TypeScript loader of their own: this failed until tsWorkerBootstrap.mjs.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Worker } from "node:worker_threads";
import * as Y from "yjs";
import { mergeState, type CompactionJob, type MergeResult } from "../../../server/collab/mergeState";
import { startTypeScriptWorker } from "../../../server/collab/typescriptWorker";

let worker: Worker | null = null;
afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

describe("the merge worker thread", () => {
  it("starts from TypeScript and folds a snapshot and update rows into the same document the main thread would", async () => {
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => rows.push(update));
    doc.getText("body").insert(0, "Carers told us ");
    const snapshot = Y.encodeStateAsUpdate(doc);
    rows.length = 0;
    for (const word of ["they ", "wait ", "too ", "long"]) doc.getText("body").insert(doc.getText("body").length, word);

    worker = startTypeScriptWorker(new URL("../../../server/collab/mergeWorker.ts", import.meta.url));
    const reply = await new Promise<{ ok: boolean; message?: string; result: MergeResult }>((resolve, reject) => {
      worker!.once("message", resolve);
      worker!.once("error", reject);
      worker!.postMessage({ id: 1, kind: "merge", snapshot, rows } satisfies CompactionJob & { id: number });
    });

    expect(reply.message).toBeUndefined();
    expect(reply.ok).toBe(true);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, reply.result.data);
    expect(merged.getText("body").toString()).toBe("Carers told us they wait too long");
    expect(reply.result.stateVector).toEqual(mergeState({ snapshot, rows }).stateVector);
  });

  // Linux only: elsewhere a thread has no nice value of its own, and the worker keeps normal priority.
  it.runIf(existsSync("/proc/thread-self"))("runs below the priority of the thread serving sockets, so a merge never takes its core", async () => {
    // A thread's nice value is field 19 of /proc/<pid>/task/<tid>/stat (after the parenthesised name).
    const niceOfThreads = () =>
      readdirSync(`/proc/${process.pid}/task`).map((tid) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]));
    const before = niceOfThreads().filter((nice) => nice === 10).length;

    worker = startTypeScriptWorker(new URL("../../../server/collab/mergeWorker.ts", import.meta.url));
    await new Promise<unknown>((resolve, reject) => {
      worker!.once("message", resolve);
      worker!.once("error", reject);
      worker!.postMessage({ id: 1, kind: "merge", snapshot: null, rows: [] } satisfies CompactionJob & { id: number });
    });

    expect(niceOfThreads().filter((nice) => nice === 10).length).toBe(before + 1);
    expect(niceOfThreads()).toContain(0); // this thread, serving sockets, keeps its priority
  });
});
