// Runs checkImport in a worker thread of its own, so that reading a hostile or huge file never holds the
// thread that serves pages and live editing. The worker has a heap cap and a time cap; it is terminated
// when it answers, fails or runs out of either, so whatever it allocated is released at once.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Respondent } from "~/domain/poet/respondentFields";
import type { ImportCheck, ImportCheckJob } from "./checkImport.server";
import { CHECK_TIME_LIMIT_MS, CHECK_WORKER_HEAP_MB, MAX_CHECKS_AT_ONCE } from "./limits.server";

export type WorkerMessage =
  | { type: "progress"; fraction: number }
  | { type: "respondents"; batch: Respondent[] }
  | { type: "done"; check: ImportCheck };

export type CheckOptions = { onProgress?: (fraction: number) => void; timeLimitMs?: number; heapMb?: number };

/**
 * The Remix build bundles this module into build/index.js, where import.meta.url is that file; the sources
 * sit beside this module in app/.
 */
function sourceFile(name: string): URL {
  const beside = new URL(`./${name}`, import.meta.url);
  return existsSync(beside) ? beside : new URL(`../app/services/poetFile/${name}`, import.meta.url);
}

type WorkerEntry = { href: string; bundled: boolean };
// Shared by this module's copies (the server's, from source, and the Remix build's), so the check runs once.
const shared = globalThis as { poetImportWorker?: Promise<WorkerEntry> };

/**
 * The worker's code: one bundled ES module (scripts/build-import-worker.mjs; exceljs included), built by
 * `npm run build` or, when missing or older than its sources, once per process here (esbuild works in its
 * own process). A worker then starts without tsx or module resolution: about a fifth of the CPU it took
 * (ADR 023). If bundling fails the worker runs the TypeScript source through tsx, as before.
 */
export function prepareImportWorker(): Promise<WorkerEntry> {
  shared.poetImportWorker ??= (async () => {
    const root = path.resolve(path.dirname(fileURLToPath(sourceFile("checkWorker.server.ts"))), "../../..");
    const builder = (await import(pathToFileURL(path.join(root, "scripts/build-import-worker.mjs")).href)) as {
      WORKER_BUNDLE: string;
      bundleIsFresh(root: string): boolean;
      buildImportWorker(root: string): Promise<string>;
    };
    const bundle = builder.bundleIsFresh(root) ? path.join(root, builder.WORKER_BUNDLE) : await builder.buildImportWorker(root);
    return { href: pathToFileURL(bundle).href, bundled: true };
  })().catch((error: unknown) => {
    console.warn(`Import checks run from source (through tsx): the worker could not be bundled: ${(error as Error).message}`);
    return { href: sourceFile("checkWorker.server.ts").href, bundled: false };
  });
  return shared.poetImportWorker;
}

let running = 0;
const waiting: (() => void)[] = [];

// A few checks at once at most: each may use a full worker heap.
async function takeTurn(): Promise<() => void> {
  if (running >= MAX_CHECKS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const refusal = (message: string): ImportCheck => ({
  sha256: "",
  parsed: { ok: false, problems: [{ row: null, column: null, value: null, message }], totalProblems: 1, warnings: [] },
  benchmark: null,
});

/** Checks an import's files in a worker thread; a file that needs too much time or memory is refused with a message. */
export async function checkImportInWorker(job: ImportCheckJob, options: CheckOptions = {}): Promise<ImportCheck> {
  const timeLimitMs = options.timeLimitMs ?? CHECK_TIME_LIMIT_MS;
  const heapMb = options.heapMb ?? CHECK_WORKER_HEAP_MB;
  const code = await prepareImportWorker();
  const release = await takeTurn();
  const worker = new Worker(sourceFile("workerBootstrap.mjs"), {
    workerData: { entry: code.href, bundled: code.bundled },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  try {
    return await new Promise<ImportCheck>((resolve, reject) => {
      const respondents: Respondent[] = [];
      const timer = setTimeout(() => {
        resolve(refusal(`Reading this file took longer than ${(timeLimitMs / 1000).toLocaleString("en-GB")} seconds, so we stopped. Split it into smaller files (for example one per survey), or save it as CSV, and import each one.`));
      }, timeLimitMs);
      const settle = () => clearTimeout(timer);
      worker.on("message", (message: WorkerMessage) => {
        if (message.type === "progress") options.onProgress?.(message.fraction);
        else if (message.type === "respondents") respondents.push(...message.batch);
        else {
          settle();
          const { check } = message;
          resolve(check.parsed.ok && check.parsed.kind === "respondents" ? { ...check, parsed: { ...check.parsed, respondents } } : check);
        }
      });
      worker.on("error", (error: Error & { code?: string }) => {
        settle();
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
          resolve(refusal(`Reading this file needed more than ${heapMb} MB of memory, far more than a survey needs, so we stopped. Remove sheets and columns you do not need, or save it as CSV, then import that.`));
        } else reject(error);
      });
      worker.on("exit", (code) => {
        settle();
        reject(new Error(`The import check stopped before answering (exit code ${code}).`));
      });
      worker.postMessage(job);
    });
  } finally {
    await worker.terminate();
    release();
  }
}
