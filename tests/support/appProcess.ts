// The real server (server/index.ts: Remix build, accounts, collaboration) in a child process on this test
// file's database, for tests that need several instances. Needs `npx remix build` first.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

export type AppProcess = {
  baseUrl: string;
  wsUrl: string;
  port: number;
  /** Every line it has logged so far. */
  output: string[];
  stop(): Promise<void>;
  /** kill -9: no shutdown of any kind. */
  kill(): Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");
const SESSION_SECRET = "instances-share-this-secret-".padEnd(40, "x");

/** Starts one instance and resolves once it listens; every instance started here shares the cookie secret. `nodeArgs`: e.g. --cpu-prof. */
export async function startAppProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<AppProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "poet-instance-"));
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH!, NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", SEED_DEMO: "false", SESSION_SECRET, DATA_DIR: dataDir, DATABASE_URL: process.env.TEST_DATABASE_URL!, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const lines = readline.createInterface({ input: child.stdout! });
  const output: string[] = [];
  lines.on("line", (line) => output.push(line));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not say it was running within 30 s")), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited early (code ${code})`));
    });
    lines.on("line", (line) => {
      const running = /is running at http:\/\/localhost:(\d+)/.exec(line);
      if (running) {
        clearTimeout(timer);
        resolve(Number(running[1]));
      }
    });
  });
  lines.on("line", () => undefined); // keep draining its log so the child never blocks on a full pipe
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
