// The presence flood of issue 16, isolated: the real server (server/index.ts, a fresh SQLite database) and a
// room of eight — an honest pair typing into their notes at a steady rate, three honest watchers (facilitator,
// co-producer, viewer) and three guests who joined with the workshop code. In interleaved rounds of
// [quiet, flood] the guests flood presence as the original attack did (thousands of invented client ids per
// frame, each claiming to be the facilitator, under the message-rate limit; their own presence spoofing the
// facilitator; oversize states), reconnecting when closed. The shared machine's load drifts, so the figure is
// the ratio round by round (flood p99 / the quiet p99 just before it); the ratio of each quiet round to the
// next quiet round is the machine's own noise. Throws if a spoofed facilitator or invented presence reached an
// honest person, an honest edit was lost, or the server crashed.
// Knobs: BENCH_PRESENCE_ROUNDS (6), BENCH_PRESENCE_SECONDS (5, per window), BENCH_PRESENCE_GUESTS (3),
// BENCH_PRESENCE_SOCKETS_PER_GUEST (4), BENCH_PRESENCE_FRAMES_PER_SECOND (10, per socket),
// BENCH_PRESENCE_IDS_PER_FRAME (3000), BENCH_PRESENCE_EDIT_INTERVAL_MS (25, the pair's edits alternate),
// BENCH_PRESENCE_CPU_PROFILE (a folder: the server writes a V8 CPU profile there when it stops).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { noteFor } from "~/domain/workspace";
import { NOTES_KEY } from "~/domain/workspace/document";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { migrateDatabase } from "../server/migrate";
import { HONEST_NOTES } from "./stress/craft";
import { HonestPair, percentile } from "./stress/honestPair";
import { connectPeer, waitUntil, type Credentials, type HonestPeer } from "./stress/honestPeer";
import { startPresenceFlood, type FloodStats } from "./stress/presenceFlood";
import { ServerChild } from "./stress/serverChild";
import { RuleWatch } from "./stress/watch";
import { seedStressWorld, signIn, type StressPerson } from "./stress/world";
import { loadAverage } from "./support/serverChild";

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? fallback : Number(raw)))
    .pipe(z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").positive());
const knobsSchema = z.object({
  BENCH_PRESENCE_ROUNDS: positiveInt(6),
  BENCH_PRESENCE_SECONDS: positiveInt(5),
  BENCH_PRESENCE_GUESTS: positiveInt(3),
  BENCH_PRESENCE_SOCKETS_PER_GUEST: positiveInt(4).pipe(z.number().max(20, "the server allows 20 sockets per person")),
  BENCH_PRESENCE_FRAMES_PER_SECOND: positiveInt(10).pipe(z.number().max(100, "must stay under the server's message-rate limit (100 a second)")),
  BENCH_PRESENCE_IDS_PER_FRAME: positiveInt(3000).pipe(z.number().max(8000, "keeps a frame under the server's 1 MB frame limit")),
  BENCH_PRESENCE_EDIT_INTERVAL_MS: positiveInt(25),
  /** A folder: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools). */
  BENCH_PRESENCE_CPU_PROFILE: z.string().optional(),
});

function readKnobs() {
  const parsed = knobsSchema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`bench presence: ${problems}. Every knob takes a positive whole number; leave a knob unset for its default.`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLE_MS = 1000;
const presenceOf = (name: string, key: string, facilitator = false) => ({ user: { key, name, colour: "#1d6b2f", guest: false, facilitator }, editing: null, at: null });
const ms = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB/s`;
const median = (values: number[]) => percentile(values, 50)!;
const ratioLine = (ratios: number[]) =>
  `median ${median(ratios).toFixed(2)}×, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(", ")})`;

type Window = { label: string; kind: "quiet" | "flood"; seconds: number; presenceBytes: number[] };

export async function run(): Promise<void> {
  const knobs = readKnobs();
  const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-presence-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  await migrateDatabase(databaseUrl);
  await connectDatabase(databaseUrl);
  const world = await seedStressWorld();
  await disconnectDatabase();

  const profile = knobs.BENCH_PRESENCE_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(knobs.BENCH_PRESENCE_CPU_PROFILE)}`] : [];
  const server = new ServerChild({ databaseUrl, dataDir: dir, sessionSecret: randomBytes(32).toString("hex"), nodeArgs: profile });
  server.onCrash = (crash) => console.log(`the server crashed (exit ${crash.code ?? crash.signal}):\n    ${crash.lastLines.slice(-6).join("\n    ")}`);
  const peers: HonestPeer[] = [];
  let floodHandle: Awaited<ReturnType<typeof startPresenceFlood>> | null = null;
  let pair: HonestPair | null = null;
  try {
    await server.start();
    console.log(`· server pid ${server.pid} on ${server.baseUrl}, SQLite at ${databaseUrl}`);
    const base = server.baseUrl;
    const wsBase = `ws://127.0.0.1:${server.port}/collab`;
    const credentialsOf = async (person: StressPerson) => (await signIn(base, person)).credentials;
    const connect = (name: string, credentials: Credentials, presence: unknown) => {
      const peer = connectPeer(wsBase, world.workspaceId, name, credentials, presence);
      peers.push(peer);
      return peer;
    };
    const facilitator = connect(world.facilitator.name, await credentialsOf(world.facilitator), presenceOf(world.facilitator.name, "u:facilitator", true));
    const member = connect(world.member.name, await credentialsOf(world.member), presenceOf(world.member.name, "u:member"));
    const viewer = connect(world.viewer.name, await credentialsOf(world.viewer), presenceOf(world.viewer.name, "u:viewer"));
    const a = connect(world.honestA.name, await credentialsOf(world.honestA), presenceOf(world.honestA.name, "u:honest-a"));
    const b = connect(world.honestB.name, await credentialsOf(world.honestB), presenceOf(world.honestB.name, "u:honest-b"));
    await Promise.all(peers.map((peer) => peer.synced()));
    noteFor(facilitator.doc, HONEST_NOTES.a);
    noteFor(facilitator.doc, HONEST_NOTES.b);
    await waitUntil(() => [a, b].every((peer) => peer.doc.getMap(NOTES_KEY).has(HONEST_NOTES.a) && peer.doc.getMap(NOTES_KEY).has(HONEST_NOTES.b)), "the pair's notes to reach them");

    console.log("· the room is set up; the flooding guests join");
    // Every presence state an honest person receives is checked: never an invented client id, never the
    // facilitator's name or badge from anyone but the facilitator, never an oversize state.
    const watch = new RuleWatch();
    for (const peer of peers) {
      watch.knownIds.add(peer.doc.clientID);
      if (peer !== facilitator) watch.honestPresence.set(peer.doc.clientID, JSON.stringify(peer.provider.awareness.getLocalState()));
    }
    for (const peer of peers) watch.watchPresence(peer);
    watch.setPhase("guest");

    floodHandle = await startPresenceFlood({
      baseUrl: base,
      workspaceId: world.workspaceId,
      joinCode: world.joinCode,
      facilitatorName: world.facilitator.name,
      guests: knobs.BENCH_PRESENCE_GUESTS,
      socketsPerGuest: knobs.BENCH_PRESENCE_SOCKETS_PER_GUEST,
      framesPerSecond: knobs.BENCH_PRESENCE_FRAMES_PER_SECOND,
      idsPerFrame: knobs.BENCH_PRESENCE_IDS_PER_FRAME,
      seed: 16,
    });

    console.log("· the guests have joined; the pair starts editing");
    let label = "warm-up";
    pair = new HonestPair(a, b, () => label, knobs.BENCH_PRESENCE_EDIT_INTERVAL_MS);
    pair.start();
    await sleep(2000);
    const rssBefore = server.rssMb();
    const load = loadAverage();

    const windows: Window[] = [];
    const honest = peers;
    const measure = async (name: string, kind: Window["kind"]) => {
      const bytesBefore = honest.map((peer) => peer.traffic.awarenessBytes);
      const started = performance.now();
      label = name;
      process.stdout.write(`· ${name}…\r`);
      if (kind === "flood") await floodHandle!.flood(true);
      await sleep(knobs.BENCH_PRESENCE_SECONDS * 1000);
      if (kind === "flood") await floodHandle!.flood(false);
      label = "settle"; // edits sent while held-up ones land count to neither side
      const seconds = (performance.now() - started) / 1000;
      windows.push({ label: name, kind, seconds, presenceBytes: honest.map((peer, i) => (peer.traffic.awarenessBytes - bytesBefore[i]!) / seconds) });
      await sleep(SETTLE_MS);
    };
    for (let round = 1; round <= knobs.BENCH_PRESENCE_ROUNDS; round++) {
      await measure(`quiet ${round}`, "quiet");
      await measure(`flood ${round}`, "flood");
    }
    await measure(`quiet ${knobs.BENCH_PRESENCE_ROUNDS + 1}`, "quiet");
    pair.stop();
    const stats: FloodStats = await floodHandle.stop();
    floodHandle = null;
    pair.barrier();
    let lost = "";
    await waitUntil(() => pair!.correctOn(a) && pair!.correctOn(b), "every honest edit to reach both of the pair", 30_000).catch(() => (lost = `${a.name}: ${pair!.describeOn(a)}; ${b.name}: ${pair!.describeOn(b)}`));
    await sleep(2000);
    const rssAfter = server.rssMb();

    // Figures.
    const delays = (name: string) => pair!.samples.filter((s) => s.phase === name).map((s) => s.ms);
    const quiet = windows.filter((w) => w.kind === "quiet");
    const floods = windows.filter((w) => w.kind === "flood");
    const p99 = (w: Window) => percentile(delays(w.label), 99) ?? NaN;
    const allQuiet = quiet.flatMap((w) => delays(w.label));
    const allFlood = floods.flatMap((w) => delays(w.label));
    const ratios = floods.map((w, i) => p99(w) / p99(quiet[i]!));
    const noise = quiet.slice(1).map((w, i) => p99(w) / p99(quiet[i]!));
    const bytesPerPeer = (ws: Window[]) => ws.flatMap((w) => w.presenceBytes).reduce((sum, v) => sum + v, 0) / Math.max(1, ws.length * honest.length);
    const maxBytes = (ws: Window[]) => Math.max(...ws.flatMap((w) => w.presenceBytes));
    const closes = Object.entries(stats.closeReasons).sort((x, y) => y[1] - x[1]);
    const breaks = [...watch.breaks].map(([kind, entry]) => `${kind}: ${entry.count} (${entry.samples[0] ?? ""})`);

    console.log(`room: the pair (${world.honestA.name}, ${world.honestB.name}) editing every ${knobs.BENCH_PRESENCE_EDIT_INTERVAL_MS} ms, 3 honest watchers, ${knobs.BENCH_PRESENCE_GUESTS} flooding guests × ${knobs.BENCH_PRESENCE_SOCKETS_PER_GUEST} sockets at ${knobs.BENCH_PRESENCE_FRAMES_PER_SECOND} frames/s each; ${knobs.BENCH_PRESENCE_ROUNDS} × [quiet ${knobs.BENCH_PRESENCE_SECONDS} s, flood ${knobs.BENCH_PRESENCE_SECONDS} s] + quiet`);
    for (const w of windows) console.log(`  ${w.label.padEnd(8)} p50 ${ms(percentile(delays(w.label), 50))}, p99 ${ms(percentile(delays(w.label), 99))} (${delays(w.label).length} edits), presence to each honest peer ${kb(w.presenceBytes.reduce((s, v) => s + v, 0) / honest.length)}`);
    console.log(`edit-to-peer quiet:  p50 ${ms(percentile(allQuiet, 50))}, p99 ${ms(percentile(allQuiet, 99))} (${allQuiet.length} edits)`);
    console.log(`edit-to-peer flood:  p50 ${ms(percentile(allFlood, 50))}, p99 ${ms(percentile(allFlood, 99))} (${allFlood.length} edits)`);
    console.log(`flood p99 / quiet p99, round by round: ${ratioLine(ratios)}  (target ≤ 2×)`);
    console.log(`quiet p99 / previous quiet p99 (the machine's noise): ${ratioLine(noise)}`);
    console.log(`presence pushed to each honest peer: quiet ${kb(bytesPerPeer(quiet))} (max ${kb(maxBytes(quiet))}), flood ${kb(bytesPerPeer(floods))} (max ${kb(maxBytes(floods))})  (the original attack: ~9.5 MB/s)`);
    console.log(`flood sent: ${stats.framesSent} frames, ${(stats.bytesSent / 1024 / 1024).toFixed(1)} MB on ${stats.connections} sockets (${Object.entries(stats.byKind).map(([k, v]) => `${v} ${k}`).join(", ")}); ${stats.joins} joins with the code, ${stats.refusedConnects} connects refused`);
    console.log(`offenders closed by the server: ${stats.closedByServer}${closes.length ? ` (${closes.map(([reason, n]) => `${n}× ${reason}`).join("; ")})` : ""}`);
    console.log(`spoofed facilitator or invented presence seen by an honest peer: ${breaks.length ? breaks.join("; ") : "never"}`);
    console.log(`honest edits: ${pair.editCount}, ${lost ? `LOST: ${lost}` : "all arrived, in order"}`);
    const growth = rssBefore && rssAfter ? ((rssAfter - rssBefore) / rssBefore) * 100 : NaN;
    console.log(`server RSS: before ${rssBefore?.toFixed(0) ?? "?"} MB, after ${rssAfter?.toFixed(0) ?? "?"} MB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%; target: growth within 10%, a fall is the heap shrinking after the flood)`);
    console.log(`machine: ${load} at the start, ${loadAverage()} at the end`);

    const problems = [
      ...(server.crashes.length ? [`the server crashed ${server.crashes.length} time(s)`] : []),
      ...(breaks.length ? [`presence the server must refuse reached an honest peer (${breaks.join("; ")})`] : []),
      ...(lost ? [`honest edits were lost (${lost})`] : []),
    ];
    if (problems.length) throw new Error(`bench presence: ${problems.join("; ")}`);
  } finally {
    pair?.stop();
    if (floodHandle) await floodHandle.stop().catch(() => undefined);
    for (const peer of peers) peer.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
