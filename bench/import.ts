// Hostile imports against live editing: the real server (server/index.ts, its own SQLite file, demo
// council seeded) runs in a child process; two people edit one action through real sockets while the
// facilitator uploads a 100,001-row workbook and two zip bombs, each refused. Prints edit-to-peer delay
// quiet vs during the refusals, and the server's RSS before, at its peak and after. Run `npx remix build` first.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import * as Y from "yjs";
import { actionsOf, createAction } from "~/domain/workspace";
import { MAX_ROWS } from "~/services/poetFile/limits.server";
import { DEMO } from "../server/seed";
import { connectClient, type TestClient } from "../tests/support/collab/testClient";
import { waitFor } from "../tests/support/collab/waitFor";
import { xlsxOfRows, zipBombWorkbook } from "../tests/support/hostileWorkbooks";
import { Visitor } from "../tests/support/visitor";

const EDIT_EVERY_MS = 20;
const ROUNDS = 3;
const root = path.resolve(import.meta.dirname, "..");

type Server = { child: ChildProcess; baseUrl: string; stop(): Promise<void> };

async function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "development", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "true", SESSION_SECRET: "b".repeat(32) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the server exited early (code ${code})`)));
    lines.on("line", (line) => {
      const match = /is running at http:\/\/localhost:(\d+)/.exec(line);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, baseUrl, stop: async () => (child.kill("SIGTERM"), exited) };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
const figures = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, max ${percentile(samples, 100).toFixed(1)} ms (${samples.length} edits)`;

type Sample = { sentAt: number; delay: number };

/** Alice changes the action's owner every EDIT_EVERY_MS; Bob records when each change was sent and how long it took to reach him. */
function editingPair(alice: TestClient, bob: TestClient, actionId: string) {
  const sentAt = new Map<number, number>();
  const samples: Sample[] = [];
  let count = 0;
  bob.doc.getMap("actions").observeDeep(() => {
    const owner = (actionsOf(bob.doc).get(actionId) as Y.Map<unknown> | undefined)?.get("owner");
    const n = Number(/^Edit (\d+)$/.exec(String(owner))?.[1]);
    const sent = sentAt.get(n);
    if (sent !== undefined) {
      samples.push({ sentAt: sent, delay: performance.now() - sent });
      sentAt.delete(n);
    }
  });
  const timer = setInterval(() => {
    count++;
    sentAt.set(count, performance.now());
    (actionsOf(alice.doc).get(actionId) as Y.Map<unknown>).set("owner", `Edit ${count}`);
  }, EDIT_EVERY_MS);
  return {
    /** The delays of the edits sent between two moments (an edit held up by a refusal counts where it was sent). */
    sentBetween: (from: number, to: number) => samples.filter((s) => s.sentAt >= from && s.sentAt < to).map((s) => s.delay),
    stop: () => clearInterval(timer),
  };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-import-"));
  const server = await startServer(`file:${path.join(dir, "bench.db")}`);
  const clients: TestClient[] = [];
  try {
    const facilitator = await new Visitor(server.baseUrl).signIn(DEMO.email, DEMO.password);
    const council = await (await facilitator.get(`/orgs/${DEMO.orgSlug}`)).text();
    const workspaceId = /href="\/w\/([^"/?]+)"/.exec(council)?.[1];
    if (!workspaceId) throw new Error("the demo council page links to no workspace");
    const headers = { Cookie: `poet_session=${facilitator.sessionCookie ?? ""}`, Origin: server.baseUrl };
    const wsUrl = server.baseUrl.replace("http", "ws") + "/collab";
    const alice = connectClient(wsUrl, workspaceId, { as: "alice", headers });
    const bob = connectClient(wsUrl, workspaceId, { as: "bob", headers });
    clients.push(alice, bob);
    await Promise.all([alice.synced(), bob.synced()]);
    const actionId = createAction(alice.doc, { title: "Benchmark: letters people can read", createdBy: "Benchmark" });
    await waitFor(() => actionsOf(bob.doc).has(actionId), "bob sees the new action");

    const pair = editingPair(alice, bob, actionId);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // warm up
    const before = rssMb(server.child.pid!);

    const rows = [["respondent_id", "survey", "O_QOL"], ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`P${i}`, "Budget holder", "better"])];
    const files: [string, Uint8Array][] = [
      [`${(MAX_ROWS + 1).toLocaleString("en-GB")}-row workbook`, xlsxOfRows(rows)],
      ["zip bomb, 1 GB declared", await zipBombWorkbook(1024, "honest")],
      ["zip bomb, 1 GB declared as 1 kB", await zipBombWorkbook(1024, "lying")],
    ];
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 50);
    const windows: { quiet: [number, number][]; during: [number, number, string][] } = { quiet: [], during: [] };
    // Quiet and hostile windows alternate, each quiet one as long as the refusal before it: this shared
    // machine's load drifts over a minute, and one long quiet window would credit the drift to one side.
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [what, bytes] of files) {
        const form = new FormData();
        form.set("roundName", "Hostile upload");
        form.set("results", new File([new Uint8Array(bytes)], "upload.xlsx"));
        form.set("benchmark", new File([], ""));
        const started = performance.now();
        const response = await facilitator.postMultipart(`/orgs/${DEMO.orgSlug}/rounds/upload`, form);
        const answer = (await response.json()) as { problems?: { message: string }[] };
        const finished = performance.now();
        await new Promise((resolve) => setTimeout(resolve, finished - started));
        windows.during.push([started, finished, what]);
        windows.quiet.push([finished + 1000, performance.now()]); // the first second after is neither: held-up edits land
        console.log(`round ${round}, ${what} (${(bytes.byteLength / 1024).toFixed(0)} kB): ${response.status} in ${((finished - started) / 1000).toFixed(1)} s — "${answer.problems?.[0]?.message.slice(0, 60) ?? "?"}…"`);
      }
    }
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = rssMb(server.child.pid!);
    pair.stop();
    const quiet = windows.quiet.flatMap(([from, to]) => pair.sentBetween(from, to));
    const during = windows.during.flatMap(([from, to]) => pair.sentBetween(from, to));

    for (const [what] of files) console.log(`edit-to-peer while refusing the ${what}: ${figures(windows.during.filter((w) => w[2] === what).flatMap(([from, to]) => pair.sentBetween(from, to)))}`);
    console.log(`edit-to-peer quiet:                  ${figures(quiet)}`);
    console.log(`edit-to-peer during refused imports: ${figures(during)}  (target p99 <= 50 ms)`);
    console.log(`server RSS: before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${after.toFixed(0)} MB (${(((after - before) / before) * 100).toFixed(1)}%, target within 10%)`);
  } finally {
    for (const client of clients) client.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
