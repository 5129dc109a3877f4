// Starts tests/support/collab/serverProcess.ts as a child process and waits for its port.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export type ServerChild = { child: ChildProcess; port: number; url: string; lines: readline.Interface; stop(): Promise<void>; kill(): Promise<void> };

const entry = path.resolve(import.meta.dirname, "serverProcess.ts");
const root = path.resolve(import.meta.dirname, "../../..");

/** nodeArgs: options for node itself, e.g. --cpu-prof (which NODE_OPTIONS does not take). */
export async function spawnCollabServer(env: Record<string, string>, script = entry, nodeArgs: readonly string[] = []): Promise<ServerChild> {
  const child = spawn(process.execPath, ["--expose-gc", ...nodeArgs, "--import", "tsx", script], {
    cwd: root,
    env: { ...process.env, COLLAB_QUIET: "1", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server process did not print its port within 60 s")), 60_000);
    // "close" comes after the child's output has been read, so a refusal it printed is reported, not lost.
    child.once("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server process exited early (code ${code})`));
    });
    lines.on("line", (line) => {
      let parsed: { port?: number; error?: string };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        return; // a line the server's storage logged at start-up (server/log.ts), not an answer
      }
      if (parsed.error) {
        clearTimeout(timer);
        reject(new Error(parsed.error));
      }
      if (parsed.port) {
        clearTimeout(timer);
        resolve(parsed.port);
      }
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    lines,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
