// `npm run bench [name…]`: runs every benchmark in this folder (or the named ones); each prints its figures.
process.env.NODE_ENV ??= "production"; // pages are measured as production serves them (React production build)
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const wanted = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts")
  .filter((f) => wanted.length === 0 || wanted.includes(path.basename(f, ".ts")));

for (const file of files) {
  const module = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== "function") continue;
  console.log(`\n=== ${path.basename(file, ".ts")} ===`);
  const started = Date.now();
  await module.run();
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(0);
