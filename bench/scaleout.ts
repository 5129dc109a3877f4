// Scale-out on PostgreSQL + Redis: one collaboration instance against two sharing one database and one Redis,
// with each plan's people split between the two. The number of people grows (plans of BENCH_SCALEOUT_PLAN_SIZE,
// each person editing once a second) until p99 edit -> peer passes BENCH_SCALEOUT_P99_MS (50) or the last step;
// the one-instance case runs twice (two servers, two databases) so their difference shows the machine's noise.
// Knobs: BENCH_SCALEOUT_STEPS=10,20,40 (people per step), BENCH_SCALEOUT_SECONDS (recorded seconds per server per
// step, default 6), BENCH_SCALEOUT_PLAN_SIZE (10), BENCH_SCALEOUT_EDITS_PER_SECOND (1), BENCH_SCALEOUT_P99_MS (50).
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { z } from "zod";
import { migrateDatabase } from "../server/migrate";
import { spawnCollabServer, type ServerChild } from "../tests/support/collab/spawnServer";
import { connectClient, type TestClient } from "../tests/support/collab/testClient";
import { createPgDatabase, dropPgDatabase, pgUrl } from "../tests/support/test-databases";
import { loadAverage, percentileOf, serverCpuMicros } from "./support/serverChild";
import { runWhenEntryPoint } from "./support/runDirectly";

const positive = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? fallback : Number(raw)))
    .pipe(z.number({ invalid_type_error: "must be a number" }).positive().finite());
const knobsSchema = z
  .object({
    BENCH_SCALEOUT_PLAN_SIZE: positive(10).pipe(z.number().int().min(2)),
    BENCH_SCALEOUT_EDITS_PER_SECOND: positive(1),
    BENCH_SCALEOUT_SECONDS: positive(6),
    BENCH_SCALEOUT_P99_MS: positive(50),
    BENCH_SCALEOUT_STEPS: z
      .string()
      .optional()
      .transform((raw) => (raw?.trim() ? raw : "10,20,40,80,120,160,240").split(",").map((step) => Number(step.trim())))
      .pipe(z.array(z.number().int().positive()).nonempty()),
    REDIS_URL: z.string().optional().transform((url) => url?.trim() || "redis://127.0.0.1:6379"),
  })
  .superRefine((knobs, context) => {
    if (!(knobs.BENCH_SCALEOUT_PLAN_SIZE >= 2) || !Array.isArray(knobs.BENCH_SCALEOUT_STEPS)) return; // already reported
    for (const people of knobs.BENCH_SCALEOUT_STEPS)
      if (people % knobs.BENCH_SCALEOUT_PLAN_SIZE !== 0)
        context.addIssue({ code: "custom", path: ["BENCH_SCALEOUT_STEPS"], message: `${people} is not a whole number of plans of ${knobs.BENCH_SCALEOUT_PLAN_SIZE} people` });
  });

/** The run's settings from the environment, or an error saying which knob is wrong and what it takes. */
function readKnobs() {
  const parsed = knobsSchema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(
    `bench scaleout: ${problems}. BENCH_SCALEOUT_STEPS takes people counts that are multiples of the plan size (e.g. 10,20,40); the other knobs take positive numbers; leave a knob unset for its default.`,
  );
}
let PLAN_SIZE = 10;
let INTERVAL_MS = 1000;

type Person = { client: TestClient; instance: number };
/** One deployment under test: its instances, its plans (rooms) and everyone connected to them. */
type Deployment = {
  label: string;
  instances: ServerChild[];
  people: Person[];
  plans: number;
  /** Which instance each person (by client name) is connected to. */
  instanceOf: Map<string, number>;
  recording: { same: number[]; cross: number[] } | null;
  /** The people count of the last step at or under the limit before the first step over it. */
  capacity: number | null;
  firstOver: number | null;
  overInARow: number;
  done: boolean;
};
type Window = { same: number[]; cross: number[]; cpuMsPerEdit: number; edits: number; clientsCpuPercent: number };

function observe(deployment: Deployment, person: Person): void {
  person.client.doc.getMap<number>("clock").observe((event, transaction) => {
    const recording = deployment.recording;
    if (transaction.local || !recording) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      const sent = event.target.get(key);
      if (typeof sent !== "number") continue;
      (deployment.instanceOf.get(key) === person.instance ? recording.same : recording.cross).push(now - sent);
    }
  });
}

/** Adds plans until the deployment has `people` people; each plan's people go to its instances in turn. */
async function growTo(deployment: Deployment, people: number, tag: string): Promise<void> {
  const added: TestClient[] = [];
  while (deployment.people.length < people) {
    const room = `${tag}-plan-${deployment.plans++}`;
    for (let i = 0; i < PLAN_SIZE; i++) {
      const instance = i % deployment.instances.length;
      const name = `${room}-p${i}`;
      const client = connectClient(deployment.instances[instance]!.url, room, { as: name });
      const person = { client, instance };
      deployment.instanceOf.set(name, instance);
      deployment.people.push(person);
      observe(deployment, person);
      added.push(client);
    }
    if (added.length % 100 === 0) await Promise.all(added.slice(-100).map((c) => c.synced()));
  }
  await Promise.all(added.map((c) => c.synced()));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everyone edits EDITS_PER_SECOND times a second, starts spread over one interval; every peer records the delay. */
async function measure(deployment: Deployment, recordMs: number): Promise<Window> {
  (globalThis as { gc?: () => void }).gc?.(); // the clients' process collects before, not during, the window
  const cpuBefore = await Promise.all(deployment.instances.map(serverCpuMicros));
  let edits = 0;
  const { people } = deployment;
  const timers: NodeJS.Timeout[] = [];
  people.forEach((person, index) =>
    timers.push(
      setTimeout(() => {
        const tick = () => {
          edits++;
          person.client.doc.getMap<number>("clock").set(person.client.name, performance.now());
        };
        tick();
        timers.push(setInterval(tick, INTERVAL_MS));
      }, (index * INTERVAL_MS) / people.length),
    ),
  );
  await pause(INTERVAL_MS + 500); // everyone is editing, and newly added plans are loaded
  const recording = { same: [] as number[], cross: [] as number[] };
  deployment.recording = recording;
  const clientsCpuBefore = process.cpuUsage();
  const recordStarted = performance.now();
  await pause(recordMs);
  deployment.recording = null;
  const clientsCpu = process.cpuUsage(clientsCpuBefore);
  const clientsCpuPercent = ((clientsCpu.user + clientsCpu.system) / 1000 / (performance.now() - recordStarted)) * 100;
  for (const timer of timers) clearTimeout(timer); // clears intervals too
  await pause(300); // the last edits land before the next deployment's turn
  const cpuAfter = await Promise.all(deployment.instances.map(serverCpuMicros));
  const cpuMicros = cpuAfter.reduce((sum, after, i) => sum + after - cpuBefore[i]!, 0);
  return { ...recording, cpuMsPerEdit: cpuMicros / 1000 / Math.max(1, edits), edits, clientsCpuPercent };
}

const fixed = (value: number) => (Number.isNaN(value) ? "-" : value < 10 ? value.toFixed(1) : value.toFixed(0));
const pair = (samples: number[]) => `${fixed(percentileOf(samples, 50))} / ${fixed(percentileOf(samples, 99))}`;
const cell = (text: string, width: number) => text.padStart(width);

export async function run(): Promise<void> {
  const knobs = readKnobs();
  PLAN_SIZE = knobs.BENCH_SCALEOUT_PLAN_SIZE;
  INTERVAL_MS = 1000 / knobs.BENCH_SCALEOUT_EDITS_PER_SECOND;
  const { BENCH_SCALEOUT_EDITS_PER_SECOND: EDITS_PER_SECOND, BENCH_SCALEOUT_P99_MS: LIMIT_MS, BENCH_SCALEOUT_STEPS: STEPS, REDIS_URL } = knobs;
  const RECORD_MS = knobs.BENCH_SCALEOUT_SECONDS * 1000;
  process.setMaxListeners(0); // every provider adds a process "exit" listener; hundreds of clients is the point
  const template = await createPgDatabase();
  const databases: string[] = [];
  const deployments: Deployment[] = [];
  const uptime = () => {
    try {
      return execFileSync("uptime", { encoding: "utf8" }).trim();
    } catch {
      return loadAverage();
    }
  };
  try {
    await migrateDatabase(pgUrl(template));
    const runId = randomBytes(4).toString("hex");
    const env = { REDIS_URL, COLLAB_MESSAGES_PER_SECOND: "1000", COLLAB_UNLOAD_GRACE_MS: "2000" };
    const deploy = async (label: string, key: string, count: number): Promise<Deployment> => {
      const database = await createPgDatabase(template); // fresh, migrated: copied from the template
      databases.push(database);
      const instanceEnv = { ...env, DATABASE_URL: pgUrl(database), COLLAB_REDIS_CHANNEL_PREFIX: `bench:scaleout:${runId}:${key}:` };
      const instances: ServerChild[] = [];
      for (let i = 0; i < count; i++) instances.push(await spawnCollabServer(instanceEnv));
      const deployment: Deployment = { label, instances, people: [], plans: 0, instanceOf: new Map(), recording: null, capacity: null, firstOver: null, overInARow: 0, done: false };
      deployments.push(deployment);
      return deployment;
    };
    const oneA = await deploy("one instance", "one-a", 1);
    const two = await deploy("two instances", "two", 2);
    const oneB = await deploy("one instance again", "one-b", 1);
    const tags = new Map([
      [oneA, "one-a"],
      [two, "two"],
      [oneB, "one-b"],
    ]);

    console.log(
      `Each instance: the collaboration server in its own process (tests/support/collab/serverProcess.ts: createCollabServer, test sign-in), on PostgreSQL, with REDIS_URL set (the one-instance deployments too, as a deployment that may grow would run), an edit committed before it is broadcast.`,
    );
    console.log(
      `Plans of ${PLAN_SIZE} people, each person editing ${EDITS_PER_SECOND}/s; with two instances each plan's people alternate between them (a delivery is "cross" when sender and receiver are on different instances). Per step each deployment edits ${RECORD_MS / 1000} s recorded in turn, rotating order; a deployment stops after two steps in a row over p99 ${LIMIT_MS} ms.`,
    );
    console.log(`Start: ${uptime()}`);

    // Warm up each deployment on one plan, unrecorded: a fresh server's first edits cost it several times the
    // CPU of later ones (JIT, first queries), which would otherwise land on the first step.
    for (const deployment of deployments) {
      await growTo(deployment, PLAN_SIZE, tags.get(deployment)!);
      await measure(deployment, 3000);
    }

    const header = `${cell("people", 6)} ${cell("edits/s", 7)} | ${cell("one: p50 / p99", 15)} | ${cell("one again", 13)} | ${cell("two: p50 / p99", 15)} | ${cell("cross p50 / p99", 15)} | ${cell("same p99", 8)} | ${cell("CPU ms/edit 1 / 1' / 2", 22)} | clients' CPU | load 1 min`;
    console.log(`\nedit -> peer, ms (p50 / p99):\n${header}\n${"-".repeat(header.length)}`);
    for (const [stepIndex, people] of STEPS.entries()) {
      const active = deployments.filter((d) => !d.done);
      if (active.length === 0) break;
      for (const deployment of active) await growTo(deployment, people, tags.get(deployment)!);
      const windows = new Map<Deployment, Window>();
      const order = active.map((_, i) => active[(i + stepIndex) % active.length]!);
      for (const deployment of order) windows.set(deployment, await measure(deployment, RECORD_MS));
      const load = loadAverage().split(" ")[2]!.replace(",", "");
      const all = (d: Deployment) => {
        const w = windows.get(d);
        return w ? [...w.same, ...w.cross] : [];
      };
      const twoWindow = windows.get(two);
      const cpu = [oneA, oneB, two].map((d) => (windows.has(d) ? windows.get(d)!.cpuMsPerEdit.toFixed(2) : "-")).join(" / ");
      console.log(
        `${cell(String(people), 6)} ${cell(String(people * EDITS_PER_SECOND), 7)} | ${cell(windows.has(oneA) ? pair(all(oneA)) : "stopped", 15)} | ${cell(windows.has(oneB) ? pair(all(oneB)) : "stopped", 13)} | ${cell(twoWindow ? pair(all(two)) : "stopped", 15)} | ${cell(twoWindow ? pair(twoWindow.cross) : "-", 15)} | ${cell(twoWindow ? fixed(percentileOf(twoWindow.same, 99)) : "-", 8)} | ${cell(cpu, 22)} | ${cell(`${Math.max(...[...windows.values()].map((w) => w.clientsCpuPercent)).toFixed(0)}%`, 12)} | ${load}`,
      );
      for (const deployment of active) {
        const p99 = percentileOf(all(deployment), 99);
        if (p99 <= LIMIT_MS) {
          deployment.overInARow = 0;
          if (deployment.firstOver === null) deployment.capacity = people;
        } else {
          deployment.firstOver ??= people;
          if (++deployment.overInARow >= 2) deployment.done = true;
        }
      }
    }

    const capacityText = (d: Deployment) =>
      d.capacity === null
        ? `under ${STEPS[0]} people (p99 over ${LIMIT_MS} ms at the first step)`
        : d.firstOver === null
          ? `at least ${d.capacity} people (p99 never passed ${LIMIT_MS} ms; raise BENCH_SCALEOUT_STEPS)`
          : `${d.capacity} people (p99 passed ${LIMIT_MS} ms at ${d.firstOver})`;
    console.log(`\nCapacity: people at ${EDITS_PER_SECOND} edit/s each before p99 edit -> peer passes ${LIMIT_MS} ms (step resolution):`);
    for (const d of [oneA, oneB, two]) console.log(`  ${d.label.padEnd(19)} ${capacityText(d)}`);
    if (two.capacity !== null && oneA.capacity !== null && oneB.capacity !== null)
      console.log(`  two against one: ${(two.capacity / oneA.capacity).toFixed(2)}x the first one-instance run, ${(two.capacity / oneB.capacity).toFixed(2)}x the second (their difference is this machine's noise)`);
    console.log(`End: ${uptime()}`);
    console.log(`This machine is shared: with a load average above its core count, the figures measure the contention as much as the servers.`);
  } finally {
    for (const deployment of deployments) for (const person of deployment.people) person.client.destroy();
    await Promise.all(deployments.flatMap((d) => d.instances.map((i) => i.stop())));
    for (const database of [...databases, template]) await dropPgDatabase(database);
  }
}

// Also runnable on its own: npx tsx --expose-gc bench/scaleout.ts
runWhenEntryPoint(import.meta.url, run);
