// Pages under a crowd: a whole room arriving at once. For the workshop page (100 actions, notes, 40 people's
// votes), the plan table and the dashboard, 20 and then 40 different signed-in people ask at the same moment;
// prints p50/p95 and the time the last of them was answered (the target: 40 within 1 s). Run `npx remix build` first.
// The machine is shared, so the same run measures a trivial signed-in page (the account page) as its baseline,
// and each page's CPU time per request, one request at a time (what a crowd multiplies) and within the
// crowds ("in crowd": less when requests for the same page share work).
// BENCH_PAGES=workshop,dashboard measures only those pages (and the baseline).
// BENCH_PAGES_PROFILE=<folder> writes a CPU profile of each page's crowds there (<page>.cpuprofile).
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { Session } from "node:inspector/promises";
import path from "node:path";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { createCookie } from "@remix-run/node";
import { createSessionRecord } from "~/models/session.server";
import { db } from "~/models/db.server";
import { COLLAB_DEFAULTS } from "../server/collab";
import { DEMO } from "../server/seed";
import { withDemoApp } from "./support/demoApp";
import { median, p95 } from "./support/figures";
import { Visitor } from "../tests/support/visitor";
import { fillPlan } from "./workshop";

const CROWDS = [20, 40];
const ROUNDS = 3;
const TARGET_MS = 1000;
/** Requests, one at a time, to measure each page's server CPU (the app runs in this process). */
const ONE_AT_A_TIME = 10;
/** The session secret startTestApp configures. */
const SESSION_SECRET = "x".repeat(32);

/** Runs `body` under the V8 profiler and writes its profile to `file` (when profiling was asked for). */
async function profiled<T>(file: string | null, body: () => Promise<T>): Promise<T> {
  if (!file) return body();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await body();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** One session cookie per person: `count` co-producers of the demo council, each signed in once. */
async function crowd(count: number): Promise<string[]> {
  const org = await db().organisation.findUniqueOrThrow({ where: { slug: DEMO.orgSlug } });
  const cookie = createCookie("poet_session", { secrets: [SESSION_SECRET], path: "/", httpOnly: true, sameSite: "lax" });
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `crowd-${i}@northmoor.example`;
    const user = await db().user.upsert({ where: { email }, update: {}, create: { email, name: `Crowd member ${i + 1}`, passwordHash: "!" } });
    await db().membership.upsert({ where: { orgId_userId: { orgId: org.id, userId: user.id } }, update: {}, create: { orgId: org.id, userId: user.id, role: "member" } });
    const session = await createSessionRecord({ userId: user.id, userAgent: "bench", ip: "127.0.0.1" });
    cookies.push((await cookie.serialize(session.id)).split(";")[0]!);
  }
  return cookies;
}

/** One GET on a new connection (as each arriving browser opens its own), resolved with the whole body. */
function get(url: string, cookie: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { Cookie: cookie } }, (response) => {
      response.on("data", () => undefined);
      response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** CPU (this process: the server and the client reading the page) and wall time per page, one request at a time. */
async function oneAtATime(baseUrl: string, path: string, cookie: string): Promise<{ cpuMs: number; wallMs: number }> {
  await get(baseUrl + path, cookie);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < ONE_AT_A_TIME; i++) await get(baseUrl + path, cookie);
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / ONE_AT_A_TIME, wallMs: (performance.now() - start) / ONE_AT_A_TIME };
}

/** Everyone asks at once; each time is from the common start to that person's whole page. */
async function arrive(baseUrl: string, path: string, cookies: string[]): Promise<number[]> {
  const start = performance.now();
  return Promise.all(
    cookies.map(async (cookie) => {
      const response = await get(baseUrl + path, cookie);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return performance.now() - start;
    }),
  );
}

export async function run(): Promise<void> {
  const wanted = process.env.BENCH_PAGES?.split(",").map((name) => name.trim());
  const profileDir = process.env.BENCH_PAGES_PROFILE ?? null;
  await withDemoApp("pages", async (running) => {
    const workspace = await db().workspace.findFirstOrThrow({ where: { name: DEMO.workspaceName } });
    const owner = await new Visitor(running.baseUrl).signIn(DEMO.email, DEMO.password);
    const first = await owner.get(`/w/${workspace.id}`); // loads the round analysis and creates the notes
    if (first.status !== 200) throw new Error(`workshop page answered ${first.status}`);
    const findingIds = [...(await first.text()).matchAll(/id="finding-([^"]+)" tabindex/g)].map((m) => m[1]!);
    await running.collab.withDocument(workspace.id, (doc) => fillPlan(doc, findingIds), { source: "server", actorId: null, actorName: "Benchmark" });
    const cookies = await crowd(Math.max(...CROWDS));
    const pages = [
      { name: "baseline", path: "/account" },
      { name: "workshop", path: `/w/${workspace.id}` },
      { name: "plan table", path: `/w/${workspace.id}/plan` },
      { name: "dashboard", path: `/orgs/${DEMO.orgSlug}/dashboard` },
    ].filter((page) => page.name === "baseline" || !wanted || wanted.includes(page.name.split(" ")[0]!));
    console.log(`Signed-in people arriving at once (${ROUNDS} rounds each after a warm-up; target: the last of 40 within ${TARGET_MS} ms)`);
    console.log(`${os.loadavg().map((l) => l.toFixed(2)).join(" ")} load average at the start; baseline = the account page, a trivial signed-in page`);
    console.log("page        | HTML (gzip'd)        | CPU ms/page | people | in crowd | p50 ms | p95 ms | last ms (median of rounds)   | × baseline | pages/s");
    const baselineLast = new Map<number, number>();
    for (const page of pages) {
      const html = await (await owner.get(page.path)).text();
      const size = `${(Buffer.byteLength(html) / 1024).toFixed(0)} KB (${(gzipSync(html).byteLength / 1024).toFixed(0)} KB)`;
      const alone = await oneAtATime(running.baseUrl, page.path, cookies[0]!);
      const profileFile = profileDir ? path.join(profileDir, `${page.name.split(" ")[0]}.cpuprofile`) : null;
      await profiled(profileFile, async () => {
        for (const people of CROWDS) {
          const group = cookies.slice(0, people);
          await arrive(running.baseUrl, page.path, group); // warm-up
          const all: number[] = [];
          const lasts: number[] = [];
          const cpu = process.cpuUsage();
          for (let round = 0; round < ROUNDS; round++) {
            const times = await arrive(running.baseUrl, page.path, group);
            all.push(...times);
            lasts.push(Math.max(...times));
          }
          const used = process.cpuUsage(cpu);
          const crowdCpuMs = (used.user + used.system) / 1000 / (ROUNDS * people);
          const last = median(lasts);
          const rate = (people / last) * 1000;
          if (page.name === "baseline") baselineLast.set(people, last);
          const mark = people === 40 && page.name !== "baseline" ? (last <= TARGET_MS ? " ✓" : ` ✗ (${(last / TARGET_MS).toFixed(2)}× the target)`) : "";
          const ratio = `${(last / baselineLast.get(people)!).toFixed(1)}×`;
          console.log(
            `${page.name.padEnd(11)} | ${size.padEnd(20)} | ${alone.cpuMs.toFixed(1).padStart(11)} | ${String(people).padStart(6)} | ${crowdCpuMs.toFixed(1).padStart(8)} | ${median(all).toFixed(0).padStart(6)} | ${p95(all).toFixed(0).padStart(6)} | ${last.toFixed(0).padStart(6)}${mark.padEnd(22)} | ${ratio.padStart(10)} | ${rate.toFixed(1)}`,
          );
        }
      });
    }
    // A live workshop keeps its document loaded (production's grace period), as a room arriving finds it.
  }, { unloadGraceMs: COLLAB_DEFAULTS.unloadGraceMs });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
