// The real server (server/index.ts) as a child process: started, watched for crashes, restarted on the
// same port so clients can reconnect, and measured through /proc/<pid>/status.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const KEEP_LINES = 40;

export type Crash = { at: number; code: number | null; signal: string | null; lastLines: string[] };

/** nodeArgs: extra options for node itself (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
export type ServerOptions = { databaseUrl: string; dataDir: string; sessionSecret: string; port?: number; env?: Record<string, string>; nodeArgs?: string[] };

export class ServerChild {
  private child: ChildProcess | null = null;
  private stopping = false;
  private lines: string[] = [];
  readonly crashes: Crash[] = [];
  port = 0;
  /** Called after a crash is recorded (the runner decides whether to restart). */
  onCrash: (crash: Crash) => void = () => undefined;

  constructor(private readonly options: ServerOptions) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and resolves once it listens (on the previous port after a crash). */
  async start(): Promise<void> {
    this.stopping = false;
    this.lines = [];
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), "--import", "tsx", "server/index.ts"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(this.port || this.options.port || 0),
        DATABASE_URL: this.options.databaseUrl,
        DATA_DIR: this.options.dataDir,
        SESSION_SECRET: this.options.sessionSecret,
        SEED_DEMO: "false",
        ...this.options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) this.lines.push(line);
      if (this.lines.length > KEEP_LINES * 4) this.lines = this.lines.slice(-KEEP_LINES);
    };
    child.stderr!.on("data", keep);
    const listening = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${this.lines.slice(-10).join("\n")}`)), 60_000);
      child.stdout!.on("data", (chunk: Buffer) => {
        keep(chunk);
        const match = /running at http:\/\/localhost:(\d+)/.exec(chunk.toString());
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited while starting (code ${code}):\n${this.lines.slice(-10).join("\n")}`));
      });
    });
    child.once("exit", (code, signal) => {
      if (this.stopping || this.child !== child) return;
      const crash = { at: Date.now(), code, signal, lastLines: this.lines.slice(-KEEP_LINES) };
      this.crashes.push(crash);
      this.onCrash(crash);
    });
    this.port = await listening;
  }

  /** Resident memory of the server process in MB (VmRSS), or null when it is not running. */
  rssMb(): number | null {
    if (!this.pid || !this.running) return null;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, "utf8"));
      return match ? Number(match[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** A graceful stop (SIGTERM: the server saves everything and closes sockets). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  }
}
