// The live workshop page: server render time with a busy plan (40 participants, 100 actions, notes and
// votes) and the JavaScript the page loads (gzip'd), route-only and in total. Run `npx remix build` first.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createAction, notesOf, readActions, setVotes, updateSession } from "~/domain/workspace";
import { mirStatements } from "~/domain/mir/statements";
import { db } from "~/models/db.server";
import * as Y from "yjs";
import { DEMO } from "../server/seed";
import { withDemoApp } from "./support/demoApp";
import { median, p95 } from "./support/figures";
import { Visitor } from "../tests/support/visitor";

const ACTIONS = 100;
const PARTICIPANTS = 40;
const RUNS = 30;
const ROUTE_ID = "routes/w.$workspace._index";
const publicBuild = path.resolve(import.meta.dirname, "../public/build");

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** 100 actions with text, links and partners; 40 people's votes; a paragraph of notes per finding. */
export function fillPlan(doc: Y.Doc, findingIds: string[]) {
  updateSession(doc, { voting: { open: true, votesPerPerson: 3, anonymous: false, revealed: true } });
  for (let i = 0; i < ACTIONS; i++) {
    createAction(doc, {
      title: `Action ${i + 1}: make budget letters easier to read for people in area ${i % 7}`,
      description: "Co-produced with the carers' forum. ".repeat(6),
      owner: `Owner ${i % 12}`,
      partners: [`Partner ${i % 5}`, `Partner ${(i + 2) % 9}`],
      findingIds: [findingIds[i % findingIds.length]!],
      mirIds: [mirStatements[i % mirStatements.length]!.id],
      due: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`,
      createdBy: `Participant ${i % PARTICIPANTS}`,
    });
  }
  const ids = readActions(doc).map((a) => a.id);
  for (let p = 0; p < PARTICIPANTS; p++) for (let v = 0; v < 3; v++) setVotes(doc, ids[(p * 7 + v * 13) % ids.length]!, `g:participant-${p}`, 1);
  for (const id of findingIds) {
    const note = new Y.Text();
    note.insert(0, "People at table two said letters arrive late and use words nobody understands. ".repeat(4));
    notesOf(doc).set(id, note);
  }
}

/** The gzip'd size of the JavaScript files a first visit to the workshop loads (entry, root and route). */
function javascriptWeight() {
  const manifestFile = readdirSync(publicBuild).find((f) => f.startsWith("manifest-"));
  if (!manifestFile) throw new Error("No public/build manifest: run `npx remix build` first.");
  const text = readFileSync(path.join(publicBuild, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const files = (entry: { module: string; imports?: string[] }) => [entry.module, ...(entry.imports ?? [])];
  const route = manifest.routes[ROUTE_ID];
  if (!route) throw new Error(`${ROUTE_ID} is not in the build manifest`);
  const shared = new Set([...files(manifest.entry), ...files(manifest.routes.root!)]);
  const size = (url: string) => gzipSync(readFileSync(path.join(publicBuild, url.replace(/^\/build\//, "")))).byteLength;
  const routeOnly = files(route).filter((f) => !shared.has(f));
  return { route: routeOnly.reduce((s, f) => s + size(f), 0), total: [...new Set([...shared, ...files(route)])].reduce((s, f) => s + size(f), 0), files: routeOnly.length };
}

/** Prints the workshop page's server render time (median and p95 of several runs) and its JavaScript weight. */
export async function run(): Promise<void> {
  await withDemoApp("workshop", async (running) => {
    const workspace = await db().workspace.findFirstOrThrow({ where: { name: DEMO.workspaceName } });
    const visitor = await new Visitor(running.baseUrl).signIn(DEMO.email, DEMO.password);
    const page = `/w/${workspace.id}`;
    const first = await visitor.get(page); // loads the round analysis and creates the notes
    if (first.status !== 200) throw new Error(`workshop page answered ${first.status}`);
    const findingIds = [...(await first.text()).matchAll(/id="finding-([^"]+)" tabindex/g)].map((m) => m[1]!);
    await running.collab.withDocument(workspace.id, (doc) => fillPlan(doc, findingIds), { source: "server", actorId: null, actorName: "Benchmark" });
    const times: number[] = [];
    let html = "";
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const response = await visitor.get(page);
      html = await response.text();
      if (i >= 3) times.push(performance.now() - t0);
    }
    const actions = (html.match(/class="action-card /g) ?? []).length;
    const state = await running.collab.readDocument(workspace.id, (doc) => Y.encodeStateAsUpdate(doc).byteLength);
    const js = javascriptWeight();
    console.log(`Workshop page: ${actions} actions, ${findingIds.length} findings with notes, votes from ${PARTICIPANTS} people; median of ${RUNS} renders`);
    console.log(`  server render (HTTP GET, full HTML): median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms`);
    console.log(`  HTML ${kb(Buffer.byteLength(html))} (${kb(gzipSync(html).byteLength)} gzip'd); document state ${kb(state)}`);
    console.log(`  JavaScript, gzip'd: this route ${kb(js.route)} in ${js.files} files; whole first visit (entry + root + route) ${kb(js.total)}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
