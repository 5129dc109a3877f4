// Playwright's global set-up: starts the real app once per worker, each on port 0 (the system picks a free
// port; no port is guessed and then raced for) and on its own data directory, so the workers never share a
// database or a live board; reads back the port each printed and hands the addresses to the workers as
// E2E_BASE_URL_<n> (n: the worker's TEST_PARALLEL_INDEX; playwright.config.ts picks its own). E2E_BASE_URL is
// the first. Logs go to test-results/e2e-server.log (the first) and e2e-server-<n>.log. The returned function
// stops them with SIGTERM, as an operator would.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { FullConfig } from "@playwright/test";

const READY = /POET Action Planner is running at http:\/\/localhost:(\d+)/;

type Running = { url: string; stop: () => Promise<void> };

async function startServer(dataDir: string, logPath: string): Promise<Running> {
  mkdirSync(dataDir, { recursive: true });
  const logFile = createWriteStream(logPath);
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
    void exited.then((code) => reject(new Error(`The app stopped before it was ready (exit code ${code}); see ${logPath}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      logFile.end();
    },
  };
}

export default async function startE2eServers(config: FullConfig): Promise<() => Promise<void>> {
  const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "poet-e2e-"));
  mkdirSync("test-results", { recursive: true });
  const count = Math.max(1, config.workers);
  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, n) => startServer(path.join(dataDir, `server-${n}`), `test-results/e2e-server${n ? `-${n}` : ""}.log`)),
  );
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    for (const server of servers) await server.stop();
    throw (failure as PromiseRejectedResult).reason;
  }
  servers.forEach((server, n) => (process.env[`E2E_BASE_URL_${n}`] = server.url));
  process.env.E2E_BASE_URL = servers[0]!.url;
  process.env.E2E_DATA_DIR = dataDir;
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
