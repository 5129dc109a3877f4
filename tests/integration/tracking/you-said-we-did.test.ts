// "You said, we did": a plan's page is off until the council opens it, then shows what people told us,
// what is being done about each thing and how far it has got, in plain and easy-read words, without
// naming staff unless allowed; a status change through the no-JavaScript form shows on the next load,
// and the Atom feed is well-formed, valid Atom that follows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { parseAtomFeed } from "../../support/atom";
import { waitFor } from "../../support/collab/waitFor";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "../evidence/pageText";

const SERVER = { source: "server", actorId: null, actorName: "Test set-up" } as const;
let running: RunningApp;
let world: World;
let finding: { id: string; sentence: string; easyRead: string };
let facilitator: Visitor;
const anyone = () => new Visitor(running.baseUrl);

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  const round = await importDemoRound(world.a.org.id, { respondents: 400 });
  await db().workspaceRound.create({ data: { workspaceId: world.a.workspace.id, roundId: round } });
  const evidence = await loadRoundEvidence(world.a.org.id, round);
  finding = evidence!.analysis.findings.find((f) => f.group === "all" && (f.classification === "weakness" || f.classification === "strength"))!;
  await running.collab.withDocument(world.a.workspace.id, (doc) => {
    createAction(doc, { id: "budget-letters", title: "Budget letters in plain English", findingIds: [finding.id], createdBy: "Sam" });
    updateAction(doc, "budget-letters", { owner: "Priya Shah", due: "2027-03-31" });
    createAction(doc, { id: "drop-in", title: "Monthly drop-in at the library & café <free>" });
  }, SERVER);
  await waitFor(async () => (await db().action.count({ where: { workspaceId: world.a.workspace.id } })) === 2, "both actions projected");
  await db().progressUpdate.create({ data: { workspaceId: world.a.workspace.id, actionId: "budget-letters", note: "Rang Mrs Jones about her letter", authorName: "Priya Shah" } });
  facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
});
afterAll(async () => running.close());

async function publish(form: Record<string, string>) {
  const response = await facilitator.post(`/w/${world.a.workspace.id}/publish`, form);
  expect(response.status).toBe(302);
  const settings = await (await facilitator.get(`/w/${world.a.workspace.id}/publish`)).text();
  return /\/you-said-we-did\/([A-Za-z0-9_-]+)"/.exec(settings)?.[1] ?? null;
}

describe("the plan's “you said, we did” page", () => {
  it("is off by default: nobody can read it, not even by the plan's id", async () => {
    expect((await anyone().get(`/you-said-we-did/${world.a.workspace.id}`)).status).toBe(404);
    expect((await anyone().get(`/you-said-we-did/${world.a.workspace.id}/feed.xml`)).status).toBe(404);
    expect(pageText(await (await facilitator.get(`/w/${world.a.workspace.id}/publish`)).text())).toContain("The page is off");
  });

  it("an unlisted page is reachable only at its unguessable link, asks search engines to stay away, and a new link ends the old one", async () => {
    const token = await publish({ intent: "save", mode: "unlisted" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const page = await anyone().get(`/you-said-we-did/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("X-Robots-Tag")).toContain("noindex");
    expect(await page.text()).toContain('name="robots" content="noindex, nofollow"');
    expect((await anyone().get(`/you-said-we-did/${world.a.workspace.id}`)).status).toBe(404);
    const fresh = await publish({ intent: "new-link" });
    expect(fresh).not.toBe(token);
    expect((await anyone().get(`/you-said-we-did/${token}`)).status).toBe(404);
    expect((await anyone().get(`/you-said-we-did/${fresh}`)).status).toBe(200);
  });

  it("says what people told us, what is being done and how far it has got, naming nobody unless the council allows it", async () => {
    await publish({ intent: "save", mode: "public" });
    const text = pageText(await (await anyone().get(`/you-said-we-did/${world.a.workspace.id}`)).text());
    expect(text).toContain(`You said: ${finding.sentence}`);
    expect(text).toContain("Budget letters in plain English");
    expect(text).toContain("Status: Not started");
    expect(text).toContain("Monthly drop-in at the library");
    expect(text).toContain("There has not been a later survey yet");
    for (const name of ["Priya Shah", "Mrs Jones", "Sam"]) expect(text).not.toContain(name);
    const easy = pageText(await (await anyone().get(`/you-said-we-did/${world.a.workspace.id}?view=easy`)).text());
    expect(easy).toContain(`You told us: ${finding.easyRead}`);
    expect(easy).toContain("We have not started yet");
    await publish({ intent: "save", mode: "public", showNames: "on" });
    expect(pageText(await (await anyone().get(`/you-said-we-did/${world.a.workspace.id}`)).text())).toContain("Owner: Priya Shah");
    await publish({ intent: "save", mode: "public" });
  });

  it("shows an action's new status after a change through the no-JavaScript status form", async () => {
    const member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
    const response = await member.post(`/w/${world.a.workspace.id}?index`, { intent: "status", actionId: "budget-letters", status: "in-progress" });
    expect(response.status).toBe(303);
    const reader = anyone();
    await waitFor(async () => pageText(await (await reader.get(`/you-said-we-did/${world.a.workspace.id}`)).text()).includes("Status: In progress"), "the page shows the new status");
  });

  it("has an Atom feed that parses as XML, has every required element, and carries the new status", async () => {
    const response = await anyone().get(`/you-said-we-did/${world.a.workspace.id}/feed.xml`);
    expect(response.headers.get("Content-Type")).toContain("application/atom+xml");
    const feed = parseAtomFeed(await response.text());
    expect(feed.title).toBe(`You said, we did: ${world.a.workspace.name}`);
    expect(feed.author).toBe("Westshire");
    expect(feed.selfLink).toBe(`${running.baseUrl}/you-said-we-did/${world.a.workspace.id}/feed.xml`);
    const letters = feed.entries.find((e) => e.title.startsWith("Budget letters"))!;
    expect(letters.title).toBe("Budget letters in plain English: In progress");
    expect(letters.link).toBe(`${running.baseUrl}/you-said-we-did/${world.a.workspace.id}#action-budget-letters`);
    expect(letters.content).toContain(`You said: ${finding.sentence}`);
    expect(feed.entries.map((e) => e.title)).toContain("Monthly drop-in at the library & café <free>: Not started");
    expect(feed.entries).toHaveLength(2);
    expect(new Set(feed.entries.map((e) => e.id)).size).toBe(2);
  });

  it("once the council has a later survey, says what changed for each thing people told us, in plain and easy words", async () => {
    await importDemoRound(world.a.org.id, { respondents: 150, seed: 29, name: "Later round" });
    const text = pageText(await (await anyone().get(`/you-said-we-did/${world.a.workspace.id}`)).text());
    expect(text).toMatch(/Test round to Later round: .+ → .+, (a significant rise|a significant fall|no clear change|too few answers)/);
    const easy = pageText(await (await anyone().get(`/you-said-we-did/${world.a.workspace.id}?view=easy`)).text());
    expect(easy).toMatch(/Did it get better\? (More people said good things this time|Fewer people said good things this time|About the same as last time|Not enough people answered to tell)/);
  });

  it("turned off again, the page and its feed are gone", async () => {
    await publish({ intent: "save", mode: "off" });
    expect((await anyone().get(`/you-said-we-did/${world.a.workspace.id}`)).status).toBe(404);
    expect((await anyone().get(`/you-said-we-did/${world.a.workspace.id}/feed.xml`)).status).toBe(404);
  });
});
