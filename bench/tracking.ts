// The tracking side with a big plan: 500 actions, their history and progress notes. Prints the plan page's
// server time (all actions, and filtered to overdue), the CSV export and the council dashboard.
import { createAction, updateAction } from "~/domain/workspace";
import { mirStatements } from "~/domain/mir/statements";
import { db } from "~/models/db.server";
import { DEMO } from "../server/seed";
import { withDemoApp } from "./support/demoApp";
import { median } from "./support/figures";
import { Visitor } from "../tests/support/visitor";

const ACTIONS = 500;
const RUNS = 15;
const STATUSES = ["not-started", "in-progress", "blocked", "complete"] as const;

async function time(visitor: Visitor, page: string): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const response = await visitor.get(page);
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    if (i >= 2) times.push(performance.now() - t0);
    bytes = body.byteLength;
  }
  return { ms: median(times), bytes };
}

/** Prints server times for the tracking pages of a 500-action plan (median of several requests). */
export async function run(): Promise<void> {
  await withDemoApp("tracking", async (running) => {
    const workspace = await db().workspace.findFirstOrThrow({ where: { name: DEMO.workspaceName } });
    const author = { source: "server" as const, actorId: null, actorName: "Benchmark" };
    await running.collab.withDocument(
      workspace.id,
      (doc) => {
        for (let i = 0; i < ACTIONS; i++) {
          createAction(doc, {
            id: `bench-${i}`,
            title: `Action ${i + 1}: plain-English letters for area ${i % 9}`,
            owner: i % 6 === 0 ? "" : `Owner ${i % 11}`,
            due: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
            findingIds: [["P_KNEW_AMOUNT~all", "O_SAFE~all", "C_CONTINUE~all"][i % 3]!],
            mirIds: [mirStatements[i % mirStatements.length]!.id],
          });
        }
      },
      author,
    );
    // A history: each action moves status once and a third get a progress note.
    await running.collab.withDocument(workspace.id, (doc) => {
      for (let i = 0; i < ACTIONS; i++) updateAction(doc, `bench-${i}`, { status: STATUSES[(i % 3) + 1]! });
    }, author);
    await db().progressUpdate.createMany({
      data: Array.from({ length: Math.ceil(ACTIONS / 3) }, (_, k) => ({ workspaceId: workspace.id, actionId: `bench-${k * 3}`, note: "Met the carers' forum; draft shared.", percent: 40, authorName: "Benchmark" })),
    });
    const visitor = await new Visitor(running.baseUrl).signIn(DEMO.email, DEMO.password);
    const base = `/w/${workspace.id}`;
    const plan = await time(visitor, `${base}/plan`);
    const overdue = await time(visitor, `${base}/plan?show=overdue&sort=due&dir=desc`);
    const csv = await time(visitor, `${base}/plan.csv`);
    const dashboard = await time(visitor, "/orgs/demo/dashboard");
    const action = await time(visitor, `${base}/actions/bench-0`);
    const count = await db().action.count({ where: { workspaceId: workspace.id } });
    console.log(`Tracking with ${count} actions in one plan (${await db().actionEvent.count()} history events); median of ${RUNS} requests`);
    console.log(`  plan page, all actions:      ${plan.ms.toFixed(1)} ms (${(plan.bytes / 1024).toFixed(0)} KB HTML)`);
    console.log(`  plan page, overdue, sorted:  ${overdue.ms.toFixed(1)} ms`);
    console.log(`  CSV export:                  ${csv.ms.toFixed(1)} ms (${(csv.bytes / 1024).toFixed(0)} KB)`);
    console.log(`  council dashboard:           ${dashboard.ms.toFixed(1)} ms`);
    console.log(`  one action page:             ${action.ms.toFixed(1)} ms`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
