// Playwright's global set-up: starts the real app once for every browser test, on port 0 (the system picks a
// free port; no port is guessed and then raced for), reads back the port it printed, and hands the address
// to the workers through E2E_BASE_URL. Its log goes to test-results/e2e-server.log. The returned function
// stops it with SIGTERM, as an operator would.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

const READY = /POET Action Planner is running at http:\/\/localhost:(\d+)/;

export default async function startE2eServer(): Promise<() => Promise<void>> {
  const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "poet-e2e-"));
  mkdirSync("test-results", { recursive: true });
  const logFile = createWriteStream("test-results/e2e-server.log");
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.pipe(logFile);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      logFile.write(`${line}\n`);
      const ready = READY.exec(line);
      if (ready) resolve(Number(ready[1]));
    });
    void exited.then((code) => reject(new Error(`The app stopped before it was ready (exit code ${code}); see test-results/e2e-server.log`)));
  });
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    child.kill("SIGTERM");
    await exited;
    logFile.end();
  };
}
