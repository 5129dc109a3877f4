// "Did it work?" on the council dashboard, plan by plan and action by action, and a finding's run chart
// across every round (a table row per round) on the finding page and the action page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "../evidence/pageText";

let running: RunningApp;
let world: World;
let member: Visitor;
const rounds: string[] = [];

async function aggregateRound(orgId: string, name: string, positive: number, total: number, importedAt: Date) {
  const csv = `question,group,positive,total\nP_KNEW_AMOUNT,all,${positive},${total}\nO_SAFE,all,150,200\n`;
  const result = await importPoetRound({ orgId, importedBy: null, roundName: name, fileName: `${name}.csv`, bytes: new TextEncoder().encode(csv) });
  if (result.status !== "imported") throw new Error(JSON.stringify(result));
  await db().poetRound.update({ where: { id: result.roundId }, data: { importedAt } });
  return result.roundId;
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  rounds.push(await aggregateRound(world.a.org.id, "POET 2025", 96, 200, new Date("2025-10-01T10:00:00Z")));
  await db().workspaceRound.create({ data: { workspaceId: world.a.workspace.id, roundId: rounds[0]! } });
  await running.collab.withDocument(
    world.a.workspace.id,
    (doc) => {
      createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: "Member", due: "2099-01-31", findingIds: ["P_KNEW_AMOUNT~all"] });
      createAction(doc, { id: "safety", title: "Safe at home checks", owner: "Member", due: "2099-01-31", findingIds: ["O_SAFE~all"] });
    },
    { source: "server", actorId: null, actorName: "Set-up" },
  );
  rounds.push(await aggregateRound(world.a.org.id, "POET spring 2026", 110, 200, new Date("2026-04-01T10:00:00Z")));
  rounds.push(await aggregateRound(world.a.org.id, "POET 2026", 122, 200, new Date("2026-10-01T10:00:00Z")));
  // Another council's round never appears in this council's run chart.
  await aggregateRound(world.b.org.id, "Eastvale 2026", 10, 200, new Date("2026-06-01T10:00:00Z"));
});
afterAll(async () => running.close());

describe("did it work? and run charts", () => {
  it("the dashboard names the plan and each action with the finding it answers and how its figure moved", async () => {
    const page = pageText(await (await member.get(`/orgs/${world.a.org.slug}/dashboard`)).text());
    const worked = page.slice(page.indexOf("Did it work?"));
    expect(worked).toContain(`${world.a.workspace.name} POET 2025 compared with POET 2026`);
    expect(worked).toContain("Plain-English budget letters Knew their budget amount when planning: 48% → 61%, a significant rise.");
    expect(worked).toContain("Round by round: 48% in POET 2025, 55% in POET spring 2026, 61% in POET 2026.");
    expect(worked).toContain("Safe at home checks");
    // Each finding's sentence once, under its action.
    expect(worked.split("Knew their budget amount when planning: 48% → 61%").length).toBe(2);
  });

  it("the finding page shows the finding in every round of the council: one table row per round, with interval and n", async () => {
    const html = await (await member.get(`/orgs/${world.a.org.slug}/rounds/${rounds[2]}/findings/P_KNEW_AMOUNT~all`)).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/);
    const table = html.slice(html.indexOf('class="table run-chart__table"'), html.indexOf("</table>", html.indexOf("run-chart__table")));
    const rows = pageText(table.slice(table.indexOf("<tbody")));
    expect(table.match(/<tr/g)!.length - 1).toBe(3);
    expect(rows).toContain("POET 2025 2025-10-01 48% 41% to 55% 200");
    expect(rows).toContain("POET spring 2026 2026-04-01 55%");
    expect(rows).toContain("POET 2026 2026-10-01 61% 54% to 67% 200");
    expect(rows).not.toContain("Eastvale");
  });

  it("the action page shows a run chart for each finding it answers", async () => {
    const page = pageText(await (await member.get(`/w/${world.a.workspace.id}/actions/letters`)).text());
    expect(page).toContain("Its findings round by round");
    expect(page).toContain("Knew their budget amount when planning: figures by round");
    expect(page).toContain("POET spring 2026 2026-04-01 55%");
  });
});
