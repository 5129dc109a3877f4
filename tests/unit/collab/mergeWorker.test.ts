// Compaction folds hundreds of updates; it must do so in a worker thread, not on the thread serving sockets.
// (Node 20 gives worker threads no TypeScript loader of their own: this failed until tsWorkerBootstrap.mjs.)
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
});
