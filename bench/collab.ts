// Live-editing latency and throughput of our collaboration server (persisting to a temp SQLite file)
// beside the reference y-websocket server (no persistence), plus memory with 2,000 idle sockets.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../server/migrate";
import { spawnCollabServer, type ServerChild } from "../tests/support/collab/spawnServer";
import { connectClient, type TestClient } from "../tests/support/collab/testClient";

const ONE_ROOM = { rooms: 1, clientsPerRoom: 30 };
const MANY_ROOMS = { rooms: 50, clientsPerRoom: 4 };
const EDIT_INTERVAL_MS = 200;
// Many short rounds, alternating which server goes first: this machine's speed drifts over a minute
// (other tenants, CPU frequency), and long back-to-back runs would credit the drift to one server.
const MEASURE_MS = 2500;
const ROUNDS = 6;
const IDLE = { rooms: 200, clientsPerRoom: 10 };

type Workload = { rooms: number; clientsPerRoom: number };
type Figures = { p50: number; p99: number; perSecond: number; samples: number };

const referenceEntry = path.resolve(import.meta.dirname, "support/referenceServer.ts");

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function connectAll(server: ServerChild, workload: Workload, tag: string): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let room = 0; room < workload.rooms; room++) {
    for (let i = 0; i < workload.clientsPerRoom; i++) clients.push(connectClient(server.url, `${tag}-${room}`, { as: `${tag}-${room}-${i}` }));
    if (clients.length % 200 === 0) await Promise.all(clients.slice(-200).map((c) => c.synced()));
  }
  await Promise.all(clients.map((c) => c.synced()));
  return clients;
}

/** Each client writes its clock into a shared map every EDIT_INTERVAL_MS; every other peer records the delay. */
function summarise(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), perSecond: sorted.length / ((ROUNDS * MEASURE_MS) / 1000), samples: sorted.length };
}

async function measure(server: ServerChild, workload: Workload, tag: string, durationMs: number): Promise<number[]> {
  const clients = await connectAll(server, workload, tag);
  const latencies: number[] = [];
  let recording = false;
  for (const client of clients) {
    client.doc.getMap<number>("clock").observe((event, transaction) => {
      if (transaction.local || !recording) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = event.target.get(key);
        if (typeof sent === "number") latencies.push(now - sent);
      }
    });
  }
  const timers = clients.map((client, index) =>
    setTimeout(() => {
      const interval = setInterval(() => client.doc.getMap<number>("clock").set(client.name, performance.now()), EDIT_INTERVAL_MS);
      timers.push(interval);
    }, (index * EDIT_INTERVAL_MS) / clients.length),
  );
  await new Promise((resolve) => setTimeout(resolve, 500)); // let every client's first edit settle
  recording = true;
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  recording = false;
  for (const timer of timers) clearInterval(timer);
  for (const client of clients) client.destroy();
  return latencies;
}

async function memoryOf(server: ServerChild): Promise<{ rss: number; heapUsed: number; documents: number }> {
  const answer = new Promise<{ rss: number; heapUsed: number; documents: number }>((resolve) => {
    const onLine = (line: string) => {
      const parsed = JSON.parse(line) as { memory?: { rss: number; heapUsed: number }; documents?: number };
      if (parsed.memory) {
        server.lines.off("line", onLine);
        resolve({ ...parsed.memory, documents: parsed.documents ?? 0 });
      }
    };
    server.lines.on("line", onLine);
  });
  server.child.stdin!.write("memory\n");
  return answer;
}

async function idleMemory(server: ServerChild): Promise<{ rssMb: number; heapMb: number; perSocketKb: number; documents: number }> {
  const before = await memoryOf(server);
  const clients = await connectAll(server, IDLE, "idle");
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = await memoryOf(server);
  for (const client of clients) client.destroy();
  const sockets = IDLE.rooms * IDLE.clientsPerRoom;
  return {
    rssMb: after.rss / 1048576,
    heapMb: after.heapUsed / 1048576,
    perSocketKb: (after.heapUsed - before.heapUsed) / 1024 / sockets,
    documents: after.documents,
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function run(): Promise<void> {
  // Every y-websocket provider adds a process "exit" listener; hundreds of clients in one process is the point here.
  process.setMaxListeners(0);
  const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-collab-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(databaseUrl);
  const ours = await spawnCollabServer({ DATABASE_URL: databaseUrl, COLLAB_MESSAGES_PER_SECOND: "1000", COLLAB_UNLOAD_GRACE_MS: "2000", ...(process.env.BENCH_COMPACTION ? { COLLAB_COMPACTION_THRESHOLD: process.env.BENCH_COMPACTION } : {}) });
  const reference = await spawnCollabServer({}, referenceEntry);
  try {
    // The bench process itself warms up (JIT, GC sizing) during its first runs, which would favour
    // whichever server goes second: warm up on both, then alternate the order and pool the samples.
    await measure(ours, { rooms: 4, clientsPerRoom: 5 }, "warm-ours", 1500);
    await measure(reference, { rooms: 4, clientsPerRoom: 5 }, "warm-ref", 1500);
    const rows: string[] = [];
    for (const [label, workload] of [
      [`${ONE_ROOM.clientsPerRoom} clients, 1 workspace`, ONE_ROOM],
      [`${MANY_ROOMS.rooms} workspaces x ${MANY_ROOMS.clientsPerRoom} clients`, MANY_ROOMS],
    ] as const) {
      const tag = workload === ONE_ROOM ? "one" : "many";
      const ourSamples: number[] = [];
      const refSamples: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? ([ours, reference] as const) : ([reference, ours] as const);
        for (const server of order) {
          const samples = await measure(server, workload, `${server === ours ? "ours" : "ref"}-${tag}-${round}`, MEASURE_MS);
          (server === ours ? ourSamples : refSamples).push(...samples);
        }
      }
      const a = summarise(ourSamples);
      const b = summarise(refSamples);
      rows.push(
        `${label.padEnd(26)} ours p50 ${ms(a.p50)} p99 ${ms(a.p99)} ${a.perSecond.toFixed(0)}/s | reference p50 ${ms(b.p50)} p99 ${ms(b.p99)} ${b.perSecond.toFixed(0)}/s | p99 ratio ${(a.p99 / b.p99).toFixed(2)}x`,
      );
    }
    console.log(`edit -> other peer latency and deliveries per second (each client edits every ${EDIT_INTERVAL_MS} ms; ${ROUNDS} x ${MEASURE_MS / 1000} s per server, alternating; ours writes every update to SQLite before broadcasting it)`);
    for (const row of rows) console.log("  " + row);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // our server unloads the latency runs' documents
    const ourMemory = await idleMemory(ours);
    const refMemory = await idleMemory(reference);
    const sockets = IDLE.rooms * IDLE.clientsPerRoom;
    console.log(`memory with ${sockets} idle sockets across ${IDLE.rooms} documents (after GC):`);
    console.log(`  ours      rss ${ourMemory.rssMb.toFixed(0)} MB, heap ${ourMemory.heapMb.toFixed(0)} MB, ~${ourMemory.perSocketKb.toFixed(1)} KB heap per socket, ${ourMemory.documents} documents loaded`);
    console.log(`  reference rss ${refMemory.rssMb.toFixed(0)} MB, heap ${refMemory.heapMb.toFixed(0)} MB, ~${refMemory.perSocketKb.toFixed(1)} KB heap per socket`);
  } finally {
    await Promise.all([ours.kill(), reference.kill()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

// Also runnable on its own: npx tsx bench/collab.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
