// Collecting answers against the real server (server/index.ts in a child process, NODE_ENV=production, its
// own database: a SQLite file, then a PostgreSQL database when one is reachable).
//  (a) 1,000 people answer through the real survey pages with personal codes, 50 at a time: each starts the
//      form (all questions on one page) and sends it. Prints p50/p95 per send and per person, and counts
//      what was stored afterwards (zero lost). Peer: the same 50-at-a-time load on the survey's start page
//      (a read of the same route, no write), the floor this server and machine set.
//  (b) The live round page of an open collection holding 10,000 answers, as its signed-in owner reads it:
//      the cached look (no answer since the last look) and the look after a new answer (one answer through
//      the survey pages before each look, so the findings must follow it). Target: under 300 ms. Before
//      and after in the same run: the same server keeping the round's people counted (docs/decisions/030)
//      and keeping none (ROUND_PEOPLE_KEPT=0: every new answer means reading and counting the whole
//      round, as before). Peers: the same page for a round imported from a file of the same 10,000 people;
//      in this process, where a look's time goes and the memory a round's kept people take.
// Prints the load average before and after and beside each figure, since this machine is shared.
// Options: BENCH_COLLECT_DATABASES=sqlite|postgresql (both by default), BENCH_COLLECT_PARTS=a|b (both),
// BENCH_COLLECT_PROFILE=<folder>: the server of (b)'s "kept counts" writes a V8 CPU profile there when it stops,
// and the live round page's HTML is saved there (round-<database>.html).
// Run `npx remix build` first.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formQuestions } from "~/domain/collect";
import { adult2014, analyseRound, type Respondent } from "~/domain/poet";
import { generateDemoRound } from "~/domain/poet/demo/generateDemoRound";
import { respondentsToCsv } from "~/domain/poet/demo/respondentsToCsv";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { RoundTally } from "~/domain/poet/roundTally";
import { connectDatabase, db, disconnectDatabase, writeTransaction } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { forgetRoundPeople, respondentIds, roundPeopleStats } from "~/models/roundPeople.server";
import { MAX_CODES_AT_ONCE, createPersonalCodes } from "~/services/collect/personalCodes.server";
import { openCollection } from "~/services/collect/openCollection.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { migrateDatabase } from "../server/migrate";
import { startAppProcess } from "../tests/support/appProcess";
import { createWorld, PASSWORD } from "../tests/support/world";
import { createPgDatabase, dropPgDatabase, pgAdmin, pgUrl } from "../tests/support/test-databases";
import { median, p95 } from "./support/figures";

const SUBMITS = 1_000;
const AT_ONCE = 50;
const COLLECTED = 10_000;
const PAGE_RUNS = 30;
const LIVE_RUNS = 20;
const ANALYSIS_RUNS = 7;
const TARGET_MS = 300;

const holderQuestions = formQuestions(adult2014, "holder");
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");
const ms = (values: number[]) => `p50 ${median(values).toFixed(0).padStart(4)} ms, p95 ${p95(values).toFixed(0).padStart(4)} ms`;

/** `count` holders drawn by the demo generator (same seed, same people). */
function holders(count: number, seed: number): Respondent[] {
  const people = generateDemoRound({ seed, respondents: Math.ceil(count * 2.2) }).respondents.filter((r) => r.survey === "holder");
  if (people.length < count) throw new Error(`the generator gave only ${people.length} holders`);
  return people.slice(0, count);
}

/** The fields the survey's all-on-one page posts for this person. */
function formOf(person: Respondent): Record<string, string> {
  const form: Record<string, string> = { intent: "send", website: "", about_ageBand: person.ageBand ?? "", about_supportReason: person.supportReason ?? "", about_budgetManagement: person.budgetManagement ?? "" };
  for (const q of holderQuestions) if (person.answers[q.code]) form[`q_${q.code}`] = person.answers[q.code]!;
  return form;
}

/**
 * One browser's cookies, a new connection for each request. A reused keep-alive socket races the server's
 * keep-alive timeout when this process is starved of CPU, and Node's client then reports the reset
 * (ECONNRESET) where a browser would quietly send again: that would count as a lost answer that the
 * server never received.
 */
class Browser {
  private readonly agent = new http.Agent({ keepAlive: false });
  private readonly cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  request(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; body: string }> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    if (body !== undefined) Object.assign(headers, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), Origin: this.baseUrl });
    return new Promise((resolve, reject) => {
      const request = http.request(this.baseUrl + path, { method, agent: this.agent, headers }, (response) => {
        for (const header of response.headers["set-cookie"] ?? []) {
          const [pair] = header.split(";");
          const at = pair!.indexOf("=");
          this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
        }
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(body);
    });
  }

  async signIn(email: string, password: string): Promise<this> {
    const response = await this.request("POST", "/login", { email, password, redirectTo: "/" });
    if (response.status !== 302) throw new Error(`sign-in failed: ${response.status}`);
    return this;
  }

  close() {
    this.agent.destroy();
  }
}

/** One person through the real pages with their personal code: start (all on one page), then send. */
async function answer(baseUrl: string, code: string, person: Respondent): Promise<{ send: number; whole: number }> {
  const browser = new Browser(baseUrl);
  try {
    const t0 = performance.now();
    const start = await browser.request("POST", `/survey/${code}`, { wording: "standard", layout: "all", website: "" });
    if (start.location !== `/survey/${code}/all`) throw new Error(`starting ${code} answered ${start.status} ${start.body.slice(0, 300)}`);
    const t1 = performance.now();
    const sent = await browser.request("POST", `/survey/${code}/all`, formOf(person));
    const t2 = performance.now();
    if (sent.location !== `/survey/${code}/sent`) throw new Error(`sending ${code} answered ${sent.status}: ${sent.body.slice(0, 300)}`);
    return { send: t2 - t1, whole: t2 - t0 };
  } finally {
    browser.close();
  }
}

/** Runs `work` over the items, `size` at a time (each worker takes the next item when it is done). */
async function inParallel<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

async function codesFor(orgId: string, collectionId: string, count: number, actor: { id: string; email: string }): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < count) codes.push(...(await createPersonalCodes(orgId, collectionId, Math.min(MAX_CODES_AT_ONCE, count - codes.length), actor)));
  return codes;
}

/**
 * 10,000 answers as submitResponse stores them (a respondent of the collection's round with its source,
 * month and a random id; the round's count and revision moved), written in bulk: one transaction per 500.
 */
async function seedAnswers(roundId: string, people: Respondent[]) {
  const sources = ["link", "code", "assisted", "paper"] as const;
  const month = new Date().toISOString().slice(0, 7);
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    await writeTransaction(async (tx) => {
      await tx.respondent.createMany({
        data: chunk.map((person, k) => ({
          id: randomBytes(12).toString("hex"),
          roundId,
          externalId: `app-${randomBytes(8).toString("hex")}`,
          survey: "holder",
          ageBand: person.ageBand ?? "",
          supportReason: person.supportReason ?? "",
          budgetManagement: person.budgetManagement ?? "",
          answers: JSON.stringify(person.answers),
          source: sources[(i + k) % sources.length]!,
          collectedMonth: month,
        })),
      });
      await tx.poetRound.update({ where: { id: roundId }, data: { respondentCount: { increment: chunk.length }, revision: { increment: chunk.length } } });
    });
  }
}

async function timePage(reader: Browser, page: string, runs: number, before?: (run: number) => Promise<void>): Promise<{ times: number[]; bytes: number; html: string }> {
  const times: number[] = [];
  let html = "";
  for (let run = 0; run < runs; run++) {
    if (before) await before(run);
    const t0 = performance.now();
    const response = await reader.request("GET", page);
    html = response.body;
    times.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
  }
  return { times, bytes: Buffer.byteLength(html), html };
}

/** BENCH_COLLECT_PARTS=b (or a) runs one part; both by default. */
const parts = (process.env.BENCH_COLLECT_PARTS ?? "a,b").split(",");

async function benchOn(provider: "sqlite" | "postgresql", databaseUrl: string) {
  console.log(`\n--- ${provider} --- (load average before: ${load()})`);
  await migrateDatabase(databaseUrl);
  await connectDatabase(databaseUrl);
  // A council and its owner (the test world: no demo round to import first).
  const world = await createWorld();
  const org = world.a.org;
  const owner = { id: world.owner.id, email: world.owner.email };
  const open = (name: string) => openCollection({ orgId: org.id, name, questionSetVersion: adult2014.version, survey: "holder", opensAt: new Date(Date.now() - 60_000), closesAt: null, contactRetentionUntil: null, actor: owner });

  // Everything this process writes is written before the server starts: on SQLite the server is then the only writer.
  const submitted = await open("Reviews: 1,000 sent 50 at a time");
  const submitCodes = await codesFor(org.id, submitted.id, SUBMITS, owner);
  const live = await open("Reviews: 10,000 answers so far");
  const liveCodes = await codesFor(org.id, live.id, 2 * LIVE_RUNS, owner);
  const people = holders(COLLECTED, 17);
  const seeding = performance.now();
  await seedAnswers(live.roundId, people);
  const seeded = performance.now() - seeding;
  const importing = performance.now();
  const imported = await importPoetRound({ orgId: org.id, importedBy: null, roundName: "Imported: the same 10,000 people", fileName: "bench.csv", bytes: new TextEncoder().encode(respondentsToCsv(adult2014, people)), questionSetVersion: adult2014.version });
  if (imported.status !== "imported") throw new Error(`the peer import failed: ${JSON.stringify(imported).slice(0, 300)}`);
  const importMs = performance.now() - importing;
  console.log(`seeded ${COLLECTED.toLocaleString("en-GB")} collected answers in bulk in ${(seeded / 1000).toFixed(1)} s; imported the same people as a file in ${(importMs / 1000).toFixed(1)} s`);

  const livePage = `/orgs/${org.slug}/rounds/${live.roundId}`;
  const importedPage = `/orgs/${org.slug}/rounds/${imported.roundId}`;
  const arriving = holders(2 * LIVE_RUNS, 29);
  const mark = (values: number[]) => (p95(values) < TARGET_MS ? "✓" : `✗ (target ${TARGET_MS} ms)`);

  const profileDir = process.env.BENCH_COLLECT_PROFILE ? path.resolve(process.env.BENCH_COLLECT_PROFILE) : null;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profiling = profileDir && parts.includes("b") ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startAppProcess({ NODE_ENV: "production", DATABASE_URL: databaseUrl }, profiling);
  try {
    // (a) 1,000 people, 50 at a time.
    if (parts.includes("a")) {
      const senders = holders(SUBMITS, 23);
      await fetch(`${server.baseUrl}/survey/${submitCodes[0]}`).then((r) => r.text()); // warm-up
      const started = performance.now();
      const failures: string[] = [];
      const outcomes = await inParallel(
        senders.map((person, i) => ({ person, code: submitCodes[i]! })),
        AT_ONCE,
        ({ person, code }) =>
          answer(server.baseUrl, code, person).catch((error: Error) => {
            failures.push(`${code}: ${error.message}`);
            return null;
          }),
      );
      const times = outcomes.filter((t) => t !== null);
      const wall = performance.now() - started;
      const stored = await db().respondent.count({ where: { roundId: submitted.roundId } });
      const round = await db().poetRound.findUniqueOrThrow({ where: { id: submitted.roundId }, select: { respondentCount: true, revision: true } });
      const used = await db().surveyCode.count({ where: { collectionId: submitted.id, usedAt: { not: null } } });
      const readTimes = await inParallel(submitCodes.slice(0, SUBMITS), AT_ONCE, async (code) => {
        const browser = new Browser(server.baseUrl);
        const t0 = performance.now();
        const response = await browser.request("GET", `/survey/${code}`);
        browser.close();
        if (response.status !== 200) throw new Error(`/survey/${code} answered ${response.status}`);
        return performance.now() - t0;
      });
      console.log(`(a) ${SUBMITS.toLocaleString("en-GB")} people answering the holder form with personal codes, ${AT_ONCE} at a time (${((SUBMITS / wall) * 1000).toFixed(0)} people/s)`);
      console.log(`    send (POST all answers):         ${ms(times.map((t) => t.send))}, max ${Math.max(...times.map((t) => t.send)).toFixed(0)} ms`);
      console.log(`    whole person (start + send):     ${ms(times.map((t) => t.whole))}`);
      console.log(`    peer: start page read, ${AT_ONCE} at once: ${ms(readTimes)}`);
      const lost = SUBMITS - stored;
      if (failures.length) console.log(`    ${failures.length} sends failed, e.g. ${failures.slice(0, 3).join("; ")}; the server's last words: ${server.output.slice(-3).join(" | ").slice(0, 600)}`);
      console.log(`    stored: ${stored} respondents, round count ${round.respondentCount}, revision ${round.revision}, ${used} codes used — ${lost === 0 && round.respondentCount === SUBMITS && used === SUBMITS ? "none lost ✓" : `${lost} LOST ✗`}`);
    }

    // (b) The live round page with 10,000 answers, and its peers.
    if (parts.includes("b")) {
      const reader = await new Browser(server.baseUrl).signIn(owner.email, PASSWORD);
      const first = await timePage(reader, livePage, 1);
      if (!/Still collecting: 10,?000 answers so far\./.test(first.html)) throw new Error("the live round page does not say it is still collecting 10,000 answers");
      await timePage(reader, importedPage, 1);
      const after = await looks(server.baseUrl, reader, livePage, liveCodes.slice(0, LIVE_RUNS), arriving.slice(0, LIVE_RUNS));
      if (!/Still collecting: 10,?020 answers so far\./.test(after.moving.html)) throw new Error(`after ${LIVE_RUNS} more answers the page should count ${COLLECTED + LIVE_RUNS}`);
      const importedTimes = await timePage(reader, importedPage, PAGE_RUNS);
      if (profileDir) writeFileSync(path.join(profileDir, `round-${provider}.html`), after.steady.html);
      reader.close();
      console.log(`(b) round page for ${COLLECTED.toLocaleString("en-GB")} answers on ${provider}, signed-in owner (${(after.steady.bytes / 1024).toFixed(0)} KB HTML); first look after seeding ${first.times[0]!.toFixed(0)} ms`);
      console.log(`    kept counts (docs/decisions/030), load ${after.load}:`);
      console.log(`      cached look (no answer since):  ${ms(after.steady.times)} ${mark(after.steady.times)}`);
      console.log(`      a new answer before each look:  ${ms(after.moving.times)} ${mark(after.moving.times)}`);
      console.log(`    peer: imported round, same people: ${ms(importedTimes.times)}`);
    }
  } finally {
    await server.stop();
  }
  if (parts.includes("b")) {
    // Before: the same server keeping no round's people (ROUND_PEOPLE_KEPT=0), so every new answer means
    // reading, parsing and counting the whole round again, as the page did before docs/decisions/030.
    const before = await startAppProcess({ NODE_ENV: "production", DATABASE_URL: databaseUrl, ROUND_PEOPLE_KEPT: "0" });
    try {
      const reader = await new Browser(before.baseUrl).signIn(owner.email, PASSWORD);
      await timePage(reader, livePage, 1);
      const was = await looks(before.baseUrl, reader, livePage, liveCodes.slice(LIVE_RUNS), arriving.slice(LIVE_RUNS));
      if (!/Still collecting: 10,?040 answers so far\./.test(was.moving.html)) throw new Error(`after ${2 * LIVE_RUNS} more answers the page should count ${COLLECTED + 2 * LIVE_RUNS}`);
      reader.close();
      console.log(`    before: nothing kept (ROUND_PEOPLE_KEPT=0), same run, load ${was.load}:`);
      console.log(`      cached look (no answer since):  ${ms(was.steady.times)} ${mark(was.steady.times)}`);
      console.log(`      a new answer before each look:  ${ms(was.moving.times)} ${mark(was.moving.times)}`);
    } finally {
      await before.stop();
    }
    await inThisProcess(org.id, live.roundId, people);
  }
  await disconnectDatabase();
  console.log(`(load average after: ${load()})`);
}

/** Steady looks, then looks each after one new answer through the survey pages. */
async function looks(baseUrl: string, reader: Browser, livePage: string, codes: string[], arriving: Respondent[]) {
  const steady = await timePage(reader, livePage, PAGE_RUNS);
  const moving = await timePage(reader, livePage, codes.length, (run) => answer(baseUrl, codes[run]!, arriving[run]!).then(() => undefined));
  return { steady, moving, load: load() };
}

/**
 * Where a look's time goes, in this process on the same round: what a look after a new answer reads now
 * (the round's respondent ids, and the new row), the findings from kept counts, and what it did before
 * (every row read, parsed and counted); and the memory the round's kept people take.
 */
async function inThisProcess(orgId: string, roundId: string, people: Respondent[]) {
  const median7 = async (work: () => Promise<unknown> | unknown) => {
    const times: number[] = [];
    for (let i = 0; i < ANALYSIS_RUNS; i++) {
      const t0 = performance.now();
      await work();
      times.push(performance.now() - t0);
    }
    return median(times).toFixed(0).padStart(4);
  };
  const ids = await median7(() => respondentIds(roundId));
  const reading = await median7(async () => {
    const rows = await db().respondent.findMany({ where: { roundId } });
    for (const row of rows) JSON.parse(row.answers);
  });
  const recount = await median7(() => analyseRound(adult2014, { kind: "respondents", respondents: people }, approximateNationalAdult2014));
  const tally = new RoundTally(adult2014);
  for (const person of people) tally.add(tally.contribution(person));
  const findings = await median7(() => tally.analysis(approximateNationalAdult2014));
  // The round's people as the server keeps them: the heap with them kept, less the heap once they are
  // forgotten, each after full collections.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  forgetRoundPeople();
  await loadRoundEvidence(orgId, roundId);
  const kept = roundPeopleStats();
  const withPeople = heap();
  forgetRoundPeople();
  const bytes = withPeople - heap();
  const n = people.length.toLocaleString("en-GB");
  console.log(`    in this process, median of ${ANALYSIS_RUNS} (load ${load()}):`);
  console.log(`      now, a look after a new answer reads the round's ids: ${ids} ms, and works out findings from kept counts: ${findings} ms`);
  console.log(`      before, it read and parsed every row: ${reading} ms, and counted ${n} people afresh (analyseRound): ${recount} ms`);
  console.log(
    `      memory (bench process, after full collections): a round's kept people take ${(bytes / 1024 / 1024).toFixed(1)} MB for ${kept.people.toLocaleString("en-GB")} people (${Math.round(bytes / kept.people)} bytes each); the process keeps up to ${kept.limit.toLocaleString("en-GB")} people (ROUND_PEOPLE_KEPT), about ${((kept.limit * bytes) / kept.people / 1024 / 1024).toFixed(0)} MB`,
  );
  forgetRoundPeople();
}

/** BENCH_COLLECT_DATABASES=sqlite (or postgresql) runs one of the two; both by default. */
export async function run(): Promise<void> {
  const wanted = (process.env.BENCH_COLLECT_DATABASES ?? "sqlite,postgresql").split(",");
  if (wanted.includes("sqlite")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "poet-bench-collect-"));
    try {
      await benchOn("sqlite", `file:${path.join(dir, "bench.db")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!wanted.includes("postgresql")) return;
  const reachable = await pgAdmin(async () => true).catch(() => false);
  if (!reachable) {
    console.log("\n--- postgresql --- skipped: no PostgreSQL at 127.0.0.1:5432");
    return;
  }
  const name = await createPgDatabase();
  try {
    await benchOn("postgresql", pgUrl(name));
  } finally {
    await dropPgDatabase(name);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
