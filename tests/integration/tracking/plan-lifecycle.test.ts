// A plan's life after the workshop: renamed, archived (read-only, out of the list, still exportable), restored.
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, readActions } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { createWorkspace } from "~/models/workspace.server";
import { authenticateSocket } from "../../../server/collabAuth";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { storedDoc } from "../../support/collab/storedDocument";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let facilitator: Visitor;
let member: Visitor;
const clients: TestClient[] = [];
const ws = () => world.a.workspace.id;
const settings = () => `/w/${ws()}/settings`;
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");
const councilPage = async () => text(await member.get(`/orgs/${world.a.org.slug}`));
/** The council page's list of plans in use, without the archived section. */
const plansInUse = (html: string) => html.slice(html.indexOf('id="plans-heading"'), html.indexOf('id="archived-heading"') === -1 ? undefined : html.indexOf('id="archived-heading"'));

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  await running.collab.withDocument(ws(), (doc) => createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: "Member" }), {
    source: "server",
    actorId: null,
    actorName: "Set-up",
  });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running.close();
});

describe("renaming a plan", () => {
  it("a facilitator renames it; the council's list and the audit log show it; a bad name is explained", async () => {
    const tooShort = await text(await facilitator.post(settings(), { intent: "rename", name: "Pl" }));
    expect(tooShort).toContain("Use at least 3 characters");
    const renamed = await facilitator.post(settings(), { intent: "rename", name: "Action plan 2026–27" });
    expect(location(renamed)).toBe(`${settings()}?done=renamed`);
    expect(plansInUse(await councilPage())).toContain("Action plan 2026–27");
    expect(await db().auditEvent.count({ where: { orgId: world.a.org.id, action: "plan-renamed" } })).toBe(1);
  });

  it("is not for co-producers or viewers", async () => {
    expect((await member.get(settings())).status).toBe(403);
    expect((await member.post(settings(), { intent: "rename", name: "Mine now" })).status).toBe(403);
    expect((await member.post(settings(), { intent: "archive" })).status).toBe(403);
  });
});

describe("archiving and restoring a plan", () => {
  it("makes it read-only everywhere, moves it out of the list, keeps it readable and exportable, and restores it", async () => {
    const live = connectClient(running.baseUrl.replace("http", "ws") + "/collab", ws(), { as: "member", headers: { Cookie: `poet_session=${member.sessionCookie}`, Origin: running.baseUrl } });
    clients.push(live);
    await live.synced();

    const archived = await facilitator.post(settings(), { intent: "archive" });
    expect(location(archived)).toBe(`${settings()}?done=archived`);
    await waitFor(() => live.closes.some((c) => /archived/.test(c.reason)), "the open board is told the plan was archived");
    const socket = await authenticateSocket({ headers: { cookie: `poet_session=${member.sessionCookie}` } } as http.IncomingMessage, ws());
    expect(socket.ok && socket.principal.canEdit).toBe(false);

    const council = await councilPage();
    expect(plansInUse(council)).not.toContain("Action plan 2026–27");
    expect(council).toMatch(/Archived plans[\s\S]*Action plan 2026–27/);
    expect(await text(await member.get(`/w/${ws()}/plan`))).toContain("This plan is archived: it can be read and exported but not changed.");
    expect((await member.get(`/w/${ws()}/plan.csv`)).status).toBe(200);

    const update = await member.post(`/w/${ws()}/actions/letters`, { intent: "add-update", note: "Sent to print", status: "keep", rag: "keep", percent: "" });
    expect(update.status).toBe(403);
    expect(await update.text()).toContain("is archived, so it can be read but not changed");
    expect(await db().progressUpdate.count({ where: { workspaceId: ws() } })).toBe(0);
    expect((await facilitator.post(settings(), { intent: "rename", name: "Sneaky rename" })).status).toBe(200);
    expect((await db().workspace.findUniqueOrThrow({ where: { id: ws() } })).name).toBe("Action plan 2026–27");

    const restored = await facilitator.post(settings(), { intent: "restore" });
    expect(location(restored)).toBe(`${settings()}?done=restored`);
    expect(plansInUse(await councilPage())).toContain("Action plan 2026–27");
    const again = await member.post(`/w/${ws()}/actions/letters`, { intent: "add-update", note: "Sent to print", status: "keep", rag: "keep", percent: "" });
    expect(again.status).toBe(302);
    const actions = (await db().auditEvent.findMany({ where: { orgId: world.a.org.id, action: { in: ["plan-archived", "plan-restored"] } }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["plan-archived", "plan-restored"]);
  });
});

describe("deleting a plan", () => {
  it("needs the plan's name typed, is refused while a workshop is live, then removes the plan, its history and its stored board for good", async () => {
    const plan = await createWorkspace({ orgId: world.a.org.id, name: "Respite pilot", createdById: world.facilitator.id, roundIds: [] });
    const planSettings = `/w/${plan.id}/settings`;
    await running.collab.withDocument(plan.id, (doc) => createAction(doc, { id: "respite", title: "Book respite nights online", owner: "Member" }), { source: "server", actorId: null, actorName: "Set-up" });
    expect((await member.post(`/w/${plan.id}/actions/respite`, { intent: "add-update", note: "Booking page live", status: "keep", rag: "keep", percent: "" })).status).toBe(302);

    expect((await member.post(planSettings, { intent: "delete", confirmName: "Respite pilot" })).status).toBe(403);
    const wrongName = await text(await facilitator.post(planSettings, { intent: "delete", confirmName: "Respite" }));
    expect(wrongName).toContain("Type the plan’s name exactly as shown, “Respite pilot”, to delete it.");

    const live = connectClient(running.baseUrl.replace("http", "ws") + "/collab", plan.id, { as: "member", headers: { Cookie: `poet_session=${member.sessionCookie}`, Origin: running.baseUrl } });
    clients.push(live);
    await live.synced();
    const refused = await text(await facilitator.post(planSettings, { intent: "delete", confirmName: "Respite pilot" }));
    expect(refused).toContain("A workshop is live on this plan: 1 board is open.");
    expect(await db().workspace.count({ where: { id: plan.id } })).toBe(1);
    live.destroy();
    await waitFor(() => running.collab.connectedTo(plan.id) === 0, "the board has closed");

    const deleted = await facilitator.post(planSettings, { intent: "delete", confirmName: " Respite pilot " });
    expect(location(deleted)).toBe(`/orgs/${world.a.org.slug}?deleted=${encodeURIComponent("Respite pilot")}`);
    expect(await text(await facilitator.get(location(deleted)!))).toContain("The plan “Respite pilot” has been deleted.");
    expect(plansInUse(await councilPage())).not.toContain("Respite pilot");
    expect((await member.get(`/w/${plan.id}/plan`)).status).toBe(404);
    const left = await Promise.all([
      db().action.count({ where: { workspaceId: plan.id } }),
      db().progressUpdate.count({ where: { workspaceId: plan.id } }),
      db().actionEvent.count({ where: { workspaceId: plan.id } }),
      db().docUpdate.count({ where: { workspaceId: plan.id } }),
      db().docSnapshot.count({ where: { workspaceId: plan.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    // Another plan's stored board survives (read as a fresh server would; its rows may have been compacted
    // into a snapshot since its last board closed, so the test reads the board, not a row count).
    expect(readActions(await storedDoc(ws())).map((a) => a.title)).toContain("Plain-English budget letters");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { orgId: world.a.org.id, action: "plan-deleted" } });
    expect(audit.detail).toBe("“Respite pilot” with 1 action");
    expect(audit.actorId).toBe(world.facilitator.id);

    // A board that reconnects finds no plan, and nothing is written back for it afterwards.
    const late = connectClient(running.baseUrl.replace("http", "ws") + "/collab", plan.id, { as: "member", role: "refused", headers: { Cookie: `poet_session=${member.sessionCookie}`, Origin: running.baseUrl } });
    clients.push(late);
    await waitFor(() => late.closes.length > 0, "the board of a deleted plan is refused");
    await running.collab.withDocument(ws(), (doc) => createAction(doc, { id: "after", title: "Check nothing came back", owner: "Member" }), { source: "server", actorId: null, actorName: "Set-up" });
    expect(await db().docUpdate.count({ where: { workspaceId: plan.id } })).toBe(0);
    expect(await db().docSnapshot.count({ where: { workspaceId: plan.id } })).toBe(0);
  });
});
