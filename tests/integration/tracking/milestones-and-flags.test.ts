// Milestones on the action page and plan table; overdue and stale flags beside the owner's RAG.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let member: Visitor;
let viewer: Visitor;
const ws = () => world.a.workspace.id;
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
const words = (html: string) => html.replace(/<[^>]+>/g, "");
const page = (id: string) => `/w/${ws()}/actions/${id}`;

const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
  await running.collab.withDocument(
    ws(),
    (doc) => {
      createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: "Member", due: "2099-01-31", rag: "green" });
      // Created 40 days ago, and nobody has written a progress update since.
      createAction(doc, { id: "late", title: "Carers' drop-in", owner: "Member", due: "2020-01-31", rag: "green", createdAt: fortyDaysAgo });
      createAction(doc, { id: "quiet", title: "Peer support buddies", owner: "Member", due: "2099-12-31", rag: "green", createdAt: fortyDaysAgo });
    },
    { source: "server", actorId: null, actorName: "Set-up" },
  );
  await member.post(page("letters"), { note: "First letter drafted", status: "keep", rag: "keep" });
});
afterAll(async () => {
  await running.close();
});

describe("milestones", () => {
  it("a member adds, ticks and removes milestones; the plan table shows how many are done and the next date; the history records each", async () => {
    expect((await member.post(page("letters"), { intent: "add-milestone", title: "Draft agreed with the co-production group", due: "2027-03-14" })).status).toBe(302);
    expect((await member.post(page("letters"), { intent: "add-milestone", title: "Letters sent", due: "2027-06-01" })).status).toBe(302);
    expect((await member.post(page("letters"), { intent: "add-milestone", title: "Scoping meeting", due: "2027-01-10" })).status).toBe(302);
    const scoping = await db().milestone.findFirstOrThrow({ where: { workspaceId: ws(), actionId: "letters", title: "Scoping meeting" } });
    expect((await member.post(page("letters"), { intent: "milestone-done", milestoneId: scoping.id })).status).toBe(302);
    expect(await text(await member.get(`/w/${ws()}/plan`))).toContain("1 of 3 milestones done, next 14 Mar 2027");

    const sent = await db().milestone.findFirstOrThrow({ where: { workspaceId: ws(), actionId: "letters", title: "Letters sent" } });
    expect((await member.post(page("letters"), { intent: "milestone-remove", milestoneId: sent.id })).status).toBe(302);
    const action = await text(await member.get(page("letters")));
    expect(action).toContain("Done: Scoping meeting — due 10 Jan 2027");
    expect(action).toContain("To do: Draft agreed with the co-production group — due 14 Mar 2027");
    expect(action).not.toContain("Letters sent —");
    expect(action).toContain("Member added the milestone “Letters sent (due 2027-06-01)”");
    expect(action).toContain("Member marked the milestone “Scoping meeting (due 2027-01-10)” done");
    expect(action).toContain("Member removed the milestone “Letters sent (due 2027-06-01)”");
    expect(await text(await member.get(`/w/${ws()}/plan`))).toContain("1 of 2 milestones done, next 14 Mar 2027");
  });

  it("a bad milestone is refused with messages saying what to fix, and what was typed is kept", async () => {
    const response = await member.post(page("letters"), { intent: "add-milestone", title: "Review with carers", due: "2027-02-30" });
    expect(response.status).toBe(400);
    const html = await text(response);
    expect(html).toContain("Enter a real date as year-month-day, like 2027-03-14");
    expect(html).toContain('value="Review with carers"');
    const empty = await text(await member.post(page("letters"), { intent: "add-milestone", title: "", due: "" }));
    expect(empty).toContain("Say what the step is");
    expect(await db().milestone.count({ where: { title: "Review with carers" } })).toBe(0);
  });

  it("a viewer reads milestones but cannot change them; another plan's milestone id changes nothing", async () => {
    const draft = await db().milestone.findFirstOrThrow({ where: { workspaceId: ws(), title: "Draft agreed with the co-production group" } });
    const html = await text(await viewer.get(page("letters")));
    expect(html).toContain("To do: Draft agreed with the co-production group");
    expect(html).not.toContain("Add milestone");
    expect((await viewer.post(page("letters"), { intent: "milestone-done", milestoneId: draft.id })).status).toBe(403);
    expect((await member.post(page("quiet"), { intent: "milestone-remove", milestoneId: draft.id })).status).toBe(404);
    expect(await db().milestone.findUnique({ where: { id: draft.id } })).not.toBeNull();
  });
});

describe("flags the app computes", () => {
  it("overdue and stale show beside the owner's green RAG on the plan table and the action page", async () => {
    const plan = await text(await member.get(`/w/${ws()}/plan`));
    const row = (title: string) => plan.slice(plan.indexOf(`>${title}<`), plan.indexOf("</tr>", plan.indexOf(`>${title}<`)));
    expect(row("Carers&#x27; drop-in")).toContain("Overdue");
    expect(row("Carers&#x27; drop-in")).toContain("Stale");
    expect(row("Peer support buddies")).toContain("Stale");
    expect(row("Peer support buddies")).not.toContain("Overdue");
    expect(row("Plain-English budget letters")).not.toMatch(/Stale|Overdue/);
    const quiet = words(await text(await member.get(page("quiet"))));
    expect(quiet).toContain("Green");
    expect(quiet).toContain("Stale: no progress update for 30 days or more");
  });

  it("the council's stale days change the flag, and the dashboard counts overdue and stale", async () => {
    const owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    const refused = await text(await owner.post(`/orgs/${world.a.org.slug}/settings`, { intent: "stale-after", staleAfterDays: "3" }));
    expect(refused).toContain("Enter a whole number of days from 7 to 365");
    let dashboard = await text(await owner.get(`/orgs/${world.a.org.slug}/dashboard`));
    expect(dashboard).toContain("Overdue (1)");
    expect(dashboard).toContain("Stale (2)");
    expect(await text(await owner.post(`/orgs/${world.a.org.slug}/settings`, { intent: "stale-after", staleAfterDays: "60" }))).toContain("no progress update for 60 days are now flagged stale");
    dashboard = await text(await owner.get(`/orgs/${world.a.org.slug}/dashboard`));
    expect(dashboard).toContain("Stale (0)");
    expect(words(await text(await member.get(page("quiet"))))).not.toContain("Stale:");
  });
});
