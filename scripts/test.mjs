// `npm test`: typecheck, build, vitest (unit + integration on SQLite and PostgreSQL), then the
// Playwright suite in Debian's Chromium. Stops at the first failing step; prints a closing count.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const bin = (name) => path.join("node_modules", ".bin", name);
const timings = [];
let passed = 0;
let failed = 0;

function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds}s`);
  return result.status === 0;
}

function finish(ok) {
  console.log(`\nTimings — ${timings.join(" · ")}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

function count(file, read) {
  if (!existsSync(file)) return;
  const counts = read(JSON.parse(readFileSync(file, "utf8")));
  passed += counts.passed;
  failed += counts.failed;
}

mkdirSync("test-results", { recursive: true });
if (!step("typecheck", bin("tsc"), ["--noEmit"])) finish(false);
if (!step("build", bin("remix"), ["build"])) finish(false);
const vitestOk = step("vitest (unit, system, integration on SQLite and PostgreSQL)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
count("test-results/vitest.json", (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
if (!vitestOk) finish(false);
if (!step("chromium", process.execPath, ["scripts/ensure-chromium.mjs"])) finish(false);
const e2eOk = step("playwright (Chromium)", bin("playwright"), ["test"], {
  E2E_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "poet-e2e-")),
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
});
count("test-results/e2e.json", (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected }));
finish(e2eOk);
