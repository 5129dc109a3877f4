// Live-editing latency, CPU and throughput of our collaboration server (on SQLite and on PostgreSQL) beside
// Hocuspocus 4 with its storage extensions (SQLite; PostgreSQL through @hocuspocus/extension-database) and the
// bare reference y-websocket server (no persistence) — twice, so the reference against itself shows this
// machine's noise. Then memory and socket admission CPU with 2,000 idle sockets over 200 plans.
// BENCH_COLLAB_ROUNDS (default 8) rounds per server; BENCH_COLLAB_SERVERS=ours-sqlite,hp-pg,… picks servers;
// BENCH_COLLAB_WORKLOADS=one,many,idle picks workloads (default all); BENCH_COLLAB_WARMUP_ROUNDS (default 10)
// unrecorded rounds per server go first. BENCH_COLLAB_CPU_PROFILE=<folder> writes
// there the main thread's V8 CPU profile of each server's measured rounds (<key>-<workload>.cpuprofile) and
// every thread's whole life (<key>/whole-life/); bench/support/profileSummary.ts sums one by function and file.
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../server/migrate";
import { spawnCollabServer, type ServerChild } from "../tests/support/collab/spawnServer";
import { createPgDatabase, dropPgDatabase, pgUrl } from "../tests/support/test-databases";
import { connectBenchClient, type BenchClient, type Protocol } from "./support/benchClient";
import { loadAverage } from "./support/serverChild";
import { runWhenEntryPoint } from "./support/runDirectly";

const ONE_ROOM = { rooms: 1, clientsPerRoom: 30 };
const MANY_ROOMS = { rooms: 50, clientsPerRoom: 4 };
const EDIT_INTERVAL_MS = 200;
// Many short rounds, alternating which server goes first: this machine's speed drifts over a minute
// (other tenants, CPU frequency), and long back-to-back runs would credit the drift to one server.
const MEASURE_MS = 2500;
const ROUNDS = Number(process.env.BENCH_COLLAB_ROUNDS ?? 8);
const IDLE = { rooms: 200, clientsPerRoom: 10 };
/**
 * Unrecorded rounds per server before each workload's measured ones (BENCH_COLLAB_WARMUP_ROUNDS, default 10).
 * The first round after a workload's clients connect runs slow, and a server with more code on the edit path
 * (a guard, a journal, a database driver) is still having functions optimised by V8 long after: under
 * --trace-opt, ours on PostgreSQL was still completing 30-130 TurboFan compilations per 10 s of the 1 plan x 30
 * workload 20-40 s in, and settled to about one a second after 60 s (the reference after 40 s). With 3 rounds,
 * `perf` put V8's compiler threads at a fifth of our process's CPU in the measured rounds and the CPU-per-edit
 * ratio at 1.2-1.4x; with 10, at 0.9-1.2x on the same loaded machine (ADR 036). A server runs for hours: the
 * figure is meant to be the steady-state cost of an edit, with every server warmed up alike.
 */
const WARMUP_ROUNDS = Number(process.env.BENCH_COLLAB_WARMUP_ROUNDS ?? 10);

type Workload = { rooms: number; clientsPerRoom: number };
type Figures = { p50: number; p99: number; perSecond: number; samples: number };

/** A server under test: how it is started, what it does with an edit, and which client protocol it speaks. */
type Contender = { key: string; label: string; does: string; protocol: Protocol; child: ServerChild };

const referenceEntry = path.resolve(import.meta.dirname, "support/referenceServer.ts");
const hocuspocusEntry = path.resolve(import.meta.dirname, "support/hocuspocusServer.ts");

export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function connectAll(server: Contender, workload: Workload, tag: string): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let room = 0; room < workload.rooms; room++) {
    for (let i = 0; i < workload.clientsPerRoom; i++) clients.push(connectBenchClient(server.protocol, server.child.url, `${tag}-${room}`, `${tag}-${room}-${i}`));
    if (clients.length % 200 === 0) await Promise.all(clients.slice(-200).map((c) => c.synced()));
  }
  await Promise.all(clients.map((c) => c.synced()));
  return clients;
}

function summarise(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), perSecond: sorted.length / ((ROUNDS * MEASURE_MS) / 1000), samples: sorted.length };
}

/** Asks a server child for one JSON answer on its stdin protocol (tests/support/collab/childProtocol.ts). */
function ask<T>(server: ServerChild, command: "memory" | "cpu", key: string): Promise<T> {
  return new Promise<T>((resolve) => {
    const onLine = (line: string) => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return; // a line the server logged, not an answer
      }
      if (parsed && typeof parsed === "object" && key in parsed) {
        server.lines.off("line", onLine);
        resolve(parsed as T);
      }
    };
    server.lines.on("line", onLine);
    server.child.stdin!.write(command + "\n");
  });
}
const cpuOf = async (server: ServerChild) => (await ask<{ cpuMicros: number }>(server, "cpu", "cpuMicros")).cpuMicros;

/**
 * One server's clients for one workload, connected once and kept for every round: the figures are the
 * steady state of busy plans, not the loading and unloading of fresh ones between rounds.
 */
type Session = { server: Contender; clients: BenchClient[]; samples: number[]; recording: boolean; roundP99s: number[]; rounds: Array<[from: number, to: number]>; edits: number; cpuMicros: number; roundCpu: number[] };

async function openSession(server: Contender, workload: Workload, tag: string): Promise<Session> {
  const session: Session = { server, clients: await connectAll(server, workload, tag), samples: [], recording: false, roundP99s: [], rounds: [], edits: 0, cpuMicros: 0, roundCpu: [] };
  for (const client of session.clients) {
    client.doc.getMap<number>("clock").observe((event, transaction) => {
      if (transaction.local || !session.recording) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = event.target.get(key);
        if (typeof sent === "number") session.samples.push(now - sent);
      }
    });
  }
  return session;
}

/** Each client writes its clock into a shared map every EDIT_INTERVAL_MS; every other peer records the delay. */
async function measure(session: Session, durationMs: number): Promise<void> {
  const { clients } = session;
  // The clients' process (this one) collects its garbage before each round, so that a full collection of
  // hundreds of clients' documents is less likely to fall inside a round and delay whichever server's
  // deliveries it lands on. (npm run bench passes --expose-gc; without it this is skipped.)
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = await cpuOf(session.server.child);
  let edits = 0;
  const timers = clients.map((client, index) =>
    setTimeout(() => {
      const interval = setInterval(() => {
        edits++;
        client.doc.getMap<number>("clock").set(client.name, performance.now());
      }, EDIT_INTERVAL_MS);
      timers.push(interval);
    }, (index * EDIT_INTERVAL_MS) / clients.length),
  );
  await new Promise((resolve) => setTimeout(resolve, 500)); // let every client start editing
  const from = session.samples.length;
  session.recording = true;
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  session.recording = false;
  session.roundP99s.push(percentile(session.samples.slice(from).sort((a, b) => a - b), 99));
  session.rounds.push([from, session.samples.length]);
  for (const timer of timers) clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the last edits land before the other server's turn
  const cpu = (await cpuOf(session.server.child)) - cpuBefore;
  session.cpuMicros += cpu;
  session.edits += edits;
  session.roundCpu.push(cpu / edits);
}

function closeSession(session: Session): void {
  for (const client of session.clients) client.destroy();
}

function resetSession(session: Session): void {
  session.samples.length = 0;
  session.roundP99s.length = 0;
  session.rounds.length = 0;
  session.edits = 0;
  session.cpuMicros = 0;
  session.roundCpu.length = 0;
}

type Memory = { memory: { rss: number; heapUsed: number }; documents: number };

/** RSS and heap after GC with 2,000 idle sockets over 200 plans, and the server CPU it took to admit each socket. */
async function idleMemory(server: Contender) {
  const before = await ask<Memory>(server.child, "memory", "memory");
  const cpuBefore = await cpuOf(server.child);
  const clients = await connectAll(server, IDLE, `idle-${server.key}`);
  const admissionMicros = (await cpuOf(server.child)) - cpuBefore;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await ask<Memory>(server.child, "memory", "memory");
  for (const client of clients) client.destroy();
  const sockets = IDLE.rooms * IDLE.clientsPerRoom;
  return {
    rssMb: after.memory.rss / 1048576,
    heapMb: after.memory.heapUsed / 1048576,
    perSocketKb: (after.memory.heapUsed - before.memory.heapUsed) / 1024 / sockets,
    admissionMs: admissionMicros / 1000 / sockets,
    documents: after.documents,
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const wanted = (key: string) => !process.env.BENCH_COLLAB_SERVERS || process.env.BENCH_COLLAB_SERVERS.split(",").includes(key);
const workloadWanted = (key: "one" | "many" | "idle") => !process.env.BENCH_COLLAB_WORKLOADS || process.env.BENCH_COLLAB_WORKLOADS.split(",").includes(key);
const profileDir = process.env.BENCH_COLLAB_CPU_PROFILE ? path.resolve(process.env.BENCH_COLLAB_CPU_PROFILE) : null;
/** Node options that make a server child write its CPU profiles into <folder>/<key>/ at exit, one per thread. */
/** BENCH_COLLAB_NODE_ARGS="--flag …": options for node itself in every server child (the same for all). */
const nodeArgs = (process.env.BENCH_COLLAB_NODE_ARGS ?? "").split(" ").filter(Boolean);
const profiling = (key: string) => [...nodeArgs, ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, key, "whole-life")}`] : [])];

/** Starts or stops (writing <folder>/<key>-<workload>.cpuprofile) the main thread's profiler in a server child. */
async function profile(server: Contender, command: "start" | "stop", workload: string): Promise<void> {
  if (!profileDir) return;
  if (command === "start") {
    server.child.child.stdin!.write("profile-start\n");
    return;
  }
  const file = path.join(profileDir, `${server.key}-${workload}.cpuprofile`);
  await new Promise<void>((resolve) => {
    const onLine = (line: string) => {
      if (!line.includes('"profiled"')) return;
      server.child.lines.off("line", onLine);
      resolve();
    };
    server.child.lines.on("line", onLine);
    server.child.child.stdin!.write(`profile-stop ${file}\n`);
  });
}

export async function run(): Promise<void> {
  // Every provider adds a process "exit" listener; hundreds of clients in one process is the point here.
  process.setMaxListeners(0);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-collab-"));
  const sqliteUrl = `file:${path.join(dir, "bench.db")}`;
  const pgNames = { ours: await createPgDatabase(), hocuspocus: await createPgDatabase() };
  const contenders: Contender[] = [];
  try {
    await migrateDatabase(sqliteUrl);
    await migrateDatabase(pgUrl(pgNames.ours));
    const oursEnv = { COLLAB_MESSAGES_PER_SECOND: "1000", COLLAB_UNLOAD_GRACE_MS: "2000", ...(process.env.BENCH_COMPACTION ? { COLLAB_COMPACTION_THRESHOLD: process.env.BENCH_COMPACTION } : {}) };
    const ours = "each update is committed to the database (one row, group commit) before it is broadcast";
    const hocuspocus = "broadcast at once; the whole document is stored as one row 2 s after the last change (at most every 10 s): an edit is not durable when peers see it";
    const plan: Array<[string, string, string, Protocol, () => Promise<ServerChild>]> = [
      ["ours-sqlite", "ours, SQLite", `${ours} (SQLite: one prepared INSERT transaction per group commit on a writer thread, ADR 032)`, "y-websocket", () => spawnCollabServer({ DATABASE_URL: sqliteUrl, ...oursEnv }, undefined, profiling("ours-sqlite"))],
      ["ours-pg", "ours, PostgreSQL", `${ours} (PostgreSQL DocUpdate)`, "y-websocket", () => spawnCollabServer({ DATABASE_URL: pgUrl(pgNames.ours), ...oursEnv }, undefined, profiling("ours-pg"))],
      ["hp-sqlite", "Hocuspocus, SQLite", `@hocuspocus/server 4.7 + extension-sqlite: ${hocuspocus}`, "hocuspocus", () => spawnCollabServer({ HOCUSPOCUS_STORAGE: "sqlite", HOCUSPOCUS_SQLITE_FILE: path.join(dir, "hocuspocus.db") }, hocuspocusEntry, profiling("hp-sqlite"))],
      ["hp-pg", "Hocuspocus, PostgreSQL", `@hocuspocus/server 4.7 + extension-database on pg: ${hocuspocus}`, "hocuspocus", () => spawnCollabServer({ HOCUSPOCUS_STORAGE: "postgresql", HOCUSPOCUS_PG_URL: pgUrl(pgNames.hocuspocus) }, hocuspocusEntry, profiling("hp-pg"))],
      ["ref", "reference", "@y/websocket-server 0.1.1, in memory: nothing is stored", "y-websocket", () => spawnCollabServer({}, referenceEntry, profiling("ref"))],
      ["ref2", "reference again", "a second reference server: its ratio to the first is this machine's noise", "y-websocket", () => spawnCollabServer({}, referenceEntry, profiling("ref2"))],
    ];
    for (const [key, label, does, protocol, start] of plan) if (wanted(key) || key === "ref") contenders.push({ key, label, does, protocol, child: await start() });
    const reference = contenders.find((c) => c.key === "ref")!;

    if (nodeArgs.length) console.log(`Every server runs with node ${nodeArgs.join(" ")}`);
    console.log(`What each server does with an edit:`);
    for (const c of contenders) console.log(`  ${c.label.padEnd(23)} ${c.does}`);

    // The bench process itself warms up (JIT, GC sizing) during its first runs: warm up on every server.
    for (const server of contenders) {
      const warmUp = await openSession(server, { rooms: 4, clientsPerRoom: 5 }, `warm-${server.key}`);
      await measure(warmUp, 1500);
      closeSession(warmUp);
    }
    for (const [label, workload] of [
      [`1 plan x ${ONE_ROOM.clientsPerRoom} people`, ONE_ROOM],
      [`${MANY_ROOMS.rooms} plans x ${MANY_ROOMS.clientsPerRoom} people`, MANY_ROOMS],
    ] as const) {
      const tag = workload === ONE_ROOM ? "one" : "many";
      if (!workloadWanted(tag)) continue;
      const loadBefore = loadAverage();
      const sessions: Session[] = [];
      for (const server of contenders) sessions.push(await openSession(server, workload, `${server.key}-${tag}`));
      // Unrecorded rounds first (see WARMUP_ROUNDS), in the same rotation as the measured ones.
      for (let round = 0; round < WARMUP_ROUNDS; round++) {
        for (const session of sessions.map((_, i) => sessions[(i + round) % sessions.length]!)) await measure(session, MEASURE_MS);
      }
      for (const session of sessions) resetSession(session);
      for (const session of sessions) await profile(session.server, "start", tag);
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate who goes first, so no server always follows the same one.
        const order = sessions.map((_, i) => sessions[(i + round) % sessions.length]!);
        for (const session of order) await measure(session, MEASURE_MS);
      }
      for (const session of sessions) await profile(session.server, "stop", tag);
      for (const session of sessions) closeSession(session);
      const ref = sessions.find((s) => s.server === reference)!;
      const refFigures = summarise(ref.samples);
      const refCpu = ref.cpuMicros / ref.edits;
      console.log(`\n${label}: edit -> other peer, each person edits every ${EDIT_INTERVAL_MS} ms; ${ROUNDS} x ${MEASURE_MS / 1000} s per server, rotating order`);
      console.log(`  (${loadBefore} before the runs, ${loadAverage()} after)`);
      for (const session of sessions) {
        const f = summarise(session.samples);
        const cpu = session.cpuMicros / session.edits;
        const paired = session.roundP99s.map((p99, i) => p99 / ref.roundP99s[i]!).sort((x, y) => x - y);
        const pairedCpu = session.roundCpu.map((cpu, i) => cpu / ref.roundCpu[i]!).sort((x, y) => x - y);
        const vsRef = session === ref ? "" : ` | p99 ${(f.p99 / refFigures.p99).toFixed(2)}x ref (rounds: median ${percentile(paired, 50).toFixed(2)}x, ${paired[0]!.toFixed(2)}-${paired[paired.length - 1]!.toFixed(2)}x), CPU ${(cpu / refCpu).toFixed(2)}x ref (rounds: median ${percentile(pairedCpu, 50).toFixed(2)}x, ${pairedCpu[0]!.toFixed(2)}-${pairedCpu[pairedCpu.length - 1]!.toFixed(2)}x)`;
        console.log(`  ${session.server.label.padEnd(23)} p50 ${ms(f.p50)} p99 ${ms(f.p99)} | ${f.perSecond.toFixed(0)} deliveries/s | server CPU ${(cpu / 1000).toFixed(3)} ms per edit${vsRef}`);
      }
    }
    const oursSqlite = contenders.find((c) => c.key === "ours-sqlite");
    if (oursSqlite) {
      const megabytes = (file: string) => (statSync(file).size / 1048576).toFixed(1);
      const dbFile = sqliteUrl.slice("file:".length);
      console.log(`\nSQLite (ours) after the runs: write-ahead log ${megabytes(`${dbFile}-wal`)} MB at its largest, database ${megabytes(dbFile)} MB`);
    }
    if (!workloadWanted("idle")) return;
    await new Promise((resolve) => setTimeout(resolve, 3000)); // servers unload the latency runs' documents
    const sockets = IDLE.rooms * IDLE.clientsPerRoom;
    console.log(`\n${sockets} idle sockets across ${IDLE.rooms} plans (after GC), and the server CPU to admit each socket:`);
    const idle = new Map<Contender, Awaited<ReturnType<typeof idleMemory>>>();
    for (const server of contenders) idle.set(server, await idleMemory(server));
    const refIdle = idle.get(reference)!;
    for (const [server, m] of idle) {
      const vs = server === reference ? "" : ` (${(m.admissionMs / refIdle.admissionMs).toFixed(2)}x ref)`;
      console.log(`  ${server.label.padEnd(23)} rss ${m.rssMb.toFixed(0)} MB, heap ${m.heapMb.toFixed(0)} MB, ~${m.perSocketKb.toFixed(1)} KB heap per socket, admission ${m.admissionMs.toFixed(2)} ms CPU per socket${vs}, ${m.documents} documents loaded`);
    }
  } finally {
    // A profile is written when the process exits of itself: SIGTERM (each server's graceful exit), not SIGKILL.
    await Promise.all(contenders.map((c) => (profileDir ? c.child.stop() : c.child.kill())));
    rmSync(dir, { recursive: true, force: true });
    await dropPgDatabase(pgNames.ours);
    await dropPgDatabase(pgNames.hocuspocus);
  }
}

// Also runnable on its own: npx tsx --expose-gc bench/collab.ts
runWhenEntryPoint(import.meta.url, run);
