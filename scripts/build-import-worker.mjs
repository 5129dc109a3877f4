// Bundles the import-check worker (app/services/poetFile/checkWorker.server.ts, exceljs included) into one
// plain ES module, build/import-check-worker.mjs, so each import's worker thread starts without tsx and
// without resolving hundreds of files (ADR 023). `npm run build` runs this; checkInWorker.server.ts also calls
// it once per process when the bundle is missing or older than any file it was built from (development,
// tests), so a stale bundle never runs.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WORKER_BUNDLE = "build/import-check-worker.mjs";
const ENTRY = "app/services/poetFile/checkWorker.server.ts";
const inputsFile = (bundle) => bundle.replace(/\.mjs$/, ".inputs.json");

/** Whether the bundle exists and is newer than every file it was built from. */
export function bundleIsFresh(root = defaultRoot) {
  const bundle = path.join(root, WORKER_BUNDLE);
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile(bundle), "utf8"));
    return Array.isArray(inputs) && inputs.length > 0 && inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/** Builds the bundle (in esbuild's own process) and moves it into place whole; returns its path. */
export async function buildImportWorker(root = defaultRoot) {
  const { build } = await import("esbuild");
  const bundle = path.join(root, WORKER_BUNDLE);
  const temporary = `${bundle}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(path.dirname(bundle), { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    metafile: true,
    logLevel: "warning",
    // exceljs and its dependencies are CommonJS and require Node's built-in modules.
    banner: { js: 'import { createRequire as __poetCreateRequire } from "node:module"; const require = __poetCreateRequire(import.meta.url);' },
  });
  writeFileSync(`${temporary}.inputs`, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(`${temporary}.inputs`, inputsFile(bundle));
  renameSync(temporary, bundle);
  return bundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const bundle = await buildImportWorker();
  console.log(`import-check worker bundled: ${path.relative(defaultRoot, bundle)} (${Date.now() - started} ms)`);
}
