// Findings and actions, both ways: a finding's page lists the actions that answer it (from the Action
// projection, only this council's plans built on the round; a guest only their own plan's), the workshop's
// finding card lists them with their status, and an action's page links back to its findings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { waitFor } from "../../support/collab/waitFor";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

// A weakness or strength of the round (the workshop shows those), chosen once the round is imported.
let FINDING = "";
const SERVER = { source: "server", actorId: null, actorName: "Test set-up" } as const;
let running: RunningApp;
let world: World;
let round: string;
let secondPlan: string;

async function projected(workspaceId: string, actionId: string, status = "not-started") {
  await waitFor(async () => (await db().action.findFirst({ where: { workspaceId, id: actionId } }))?.status === status, `action ${actionId} projected as ${status}`);
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  round = await importDemoRound(world.a.org.id, { respondents: 400 });
  const evidence = await loadRoundEvidence(world.a.org.id, round);
  FINDING = evidence!.analysis.findings.find((f) => f.group === "all" && (f.classification === "weakness" || f.classification === "strength"))!.id;
  await db().workspaceRound.create({ data: { workspaceId: world.a.workspace.id, roundId: round } });
  secondPlan = (await db().workspace.create({ data: { orgId: world.a.org.id, name: "Carers plan", rounds: { create: [{ roundId: round }] } } })).id;
  await running.collab.withDocument(world.a.workspace.id, (doc) => {
    createAction(doc, { id: "safe-at-home", title: "Safety visits at home", findingIds: [FINDING] });
    createAction(doc, { id: "unrelated", title: "Plain budget letters", findingIds: ["P_NEVER_LINKED~all"] });
  }, SERVER);
  await running.collab.withDocument(secondPlan, (doc) => void createAction(doc, { id: "carer-safety", title: "Carer safety line", findingIds: [FINDING] }), SERVER);
  // Another council's plan linking the same finding id must never show up here.
  await running.collab.withDocument(world.b.workspace.id, (doc) => void createAction(doc, { id: "elsewhere", title: "Eastvale secret action", findingIds: [FINDING] }), SERVER);
  await Promise.all([projected(world.a.workspace.id, "safe-at-home"), projected(secondPlan, "carer-safety"), projected(world.b.workspace.id, "elsewhere")]);
});
afterAll(async () => running.close());

describe("findings and actions, both ways", () => {
  const findingPage = () => `/orgs/${world.a.org.slug}/rounds/${round}/findings/${FINDING}`;

  it("a finding's page lists every plan's action that answers it, with its status, and nothing of other councils", async () => {
    const member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
    const text = pageText(await (await member.get(findingPage())).text());
    expect(text).toContain("Actions that answer this finding");
    expect(text).toContain("Safety visits at home – Not started");
    expect(text).toContain("Carer safety line – Not started");
    expect(text).not.toContain("Plain budget letters");
    expect(text).not.toContain("Eastvale secret action");
  });

  it("the page follows the projection: a status change shows on the next load", async () => {
    await running.collab.withDocument(world.a.workspace.id, (doc) => updateAction(doc, "safe-at-home", { status: "in-progress" }), SERVER);
    await projected(world.a.workspace.id, "safe-at-home", "in-progress");
    const member = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    expect(pageText(await (await member.get(findingPage())).text())).toContain("Safety visits at home – In progress");
  });

  it("a guest sees only their own plan's actions, in easy read, and the action page links back to the finding", async () => {
    const guest = new Visitor(running.baseUrl);
    expect((await guest.post("/join", { code: world.codeA.code, displayName: "Sam" })).status).toBe(302);
    const text = pageText(await (await guest.get(findingPage())).text());
    expect(text).toContain("What we are doing about it");
    expect(text).toContain("Safety visits at home");
    expect(text).not.toContain("Carer safety line");
    const action = await (await guest.get(`/w/${world.a.workspace.id}/actions/safe-at-home`)).text();
    expect(action).toContain(`href="/orgs/${world.a.org.slug}/rounds/${round}/findings/${encodeURIComponent(FINDING)}"`);
  });

  it("the workshop's finding card lists the actions that answer it and their status", async () => {
    const member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
    const text = pageText(await (await member.get(`/w/${world.a.workspace.id}`)).text());
    expect(text).toMatch(/Actions that answer it \(1\) Safety visits at home – In progress/);
  });
});
