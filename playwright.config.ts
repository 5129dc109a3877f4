import { defineConfig } from "@playwright/test";
import { findChromium } from "./scripts/ensure-chromium.mjs";

// tests/support/e2e-server.ts starts one app per worker, each on a port the system picks and on its own data,
// and sets E2E_BASE_URL_<n>; workers read this file again after it has run (with TEST_PARALLEL_INDEX set), so
// each sees its own app's address. A spec file runs whole in one worker, in order, as before: what one test
// leaves on the demo council the next in that file may rely on, and two workers never share a council or a
// board (docs/decisions/035-faster-browser-tests.md).
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: process.env[`E2E_BASE_URL_${process.env.TEST_PARALLEL_INDEX ?? 0}`] ?? process.env.E2E_BASE_URL,
    // A failed test keeps its trace: actions, screenshots, console and network, but not a DOM snapshot before and
    // after every action. On the board's long pages those snapshots were a fifth of the suite's time (the
    // board-usability file: 106 s with them, 83 s without, same machine, same load).
    trace: { mode: "retain-on-failure", snapshots: false },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: findChromium() ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  globalSetup: "./tests/support/e2e-server.ts",
});
