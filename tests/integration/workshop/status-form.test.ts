// The workshop without JavaScript: a status form posted to the server changes the live document,
// reaches every connected browser at once, and is projected; people who may not edit change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fromBase64 } from "~/collab/base64";
import { createAction, readActions, readSession, updateSession } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let actionId: string;
const clients: TestClient[] = [];
const SERVER = { source: "server", actorId: null, actorName: "Test set-up" } as const;

const signedIn = (email: string) => new Visitor(running.baseUrl).signIn(email, PASSWORD);
const statusOf = (client: TestClient) => readActions(client.doc).find((a) => a.id === actionId)?.status;
const page = () => `/w/${world.a.workspace.id}?index`;

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  await running.collab.withDocument(world.a.workspace.id, (doc) => void (actionId = createAction(doc, { id: "budget-letters", title: "Budget letters in plain English" })), SERVER);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running.close();
});

async function liveClient(visitor: Visitor, name: string) {
  const client = connectClient(running.baseUrl.replace("http", "ws") + "/collab", world.a.workspace.id, {
    as: name,
    headers: { Cookie: `poet_session=${visitor.sessionCookie ?? ""}`, Origin: running.baseUrl },
  });
  clients.push(client);
  await client.synced();
  return client;
}

describe("the workshop's no-JavaScript status form", () => {
  it("renders the plan from the live document, with a status form for people who may edit", async () => {
    const member = await signedIn(world.member.email);
    const html = await (await member.get(`/w/${world.a.workspace.id}`)).text();
    expect(html).toContain("Budget letters in plain English");
    expect(html).toContain('name="intent" value="status"');
    const viewerHtml = await (await (await signedIn(world.viewer.email)).get(`/w/${world.a.workspace.id}`)).text();
    expect(viewerHtml).toContain("Budget letters in plain English");
    expect(viewerHtml).not.toContain('name="intent" value="status"');
  });

  it("a member's posted status reaches a connected client live and is projected with who made it", async () => {
    const member = await signedIn(world.member.email);
    const watcher = await liveClient(await signedIn(world.facilitator.email), "facilitator");
    expect(statusOf(watcher)).toBe("not-started");
    const response = await member.post(page(), { intent: "status", actionId, status: "in-progress" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/w/${world.a.workspace.id}?saved=status#action-${actionId}`);
    await waitFor(() => statusOf(watcher) === "in-progress", "the connected client sees the new status");
    await waitFor(async () => (await db().action.findFirst({ where: { workspaceId: world.a.workspace.id, id: actionId } }))?.status === "in-progress", "the Action row follows");
    const event = await db().actionEvent.findFirst({ where: { workspaceId: world.a.workspace.id, actionId, field: "status" } });
    expect(event).toMatchObject({ fromValue: "not-started", toValue: "in-progress", actorName: world.member.name });
  });

  it("a viewer's status post is 403 and changes nothing", async () => {
    const viewer = await signedIn(world.viewer.email);
    const watcher = await liveClient(await signedIn(world.owner.email), "owner");
    const before = statusOf(watcher);
    const response = await viewer.post(page(), { intent: "status", actionId, status: "complete" });
    expect(response.status).toBe(403);
    // Barrier: a later change by the server reaches the watcher after anything the refused post could have written.
    await running.collab.withDocument(world.a.workspace.id, (doc) => updateSession(doc, { focus: `action:${actionId}` }), SERVER);
    await waitFor(() => readSession(watcher.doc).focus === `action:${actionId}`, "the later change arrives");
    await running.collab.withDocument(world.a.workspace.id, (doc) => updateSession(doc, { focus: null }), SERVER);
    expect(statusOf(watcher)).toBe(before);
    const outsider = await signedIn(world.outsider.email);
    expect((await outsider.post(page(), { intent: "status", actionId, status: "complete" })).status).toBe(404);
    expect((await db().action.findFirst({ where: { workspaceId: world.a.workspace.id, id: actionId } }))?.status).toBe(before);
  });

  it("a guest may post a status; a bad status is 400; a locked board refuses everyone but facilitators", async () => {
    const guest = new Visitor(running.baseUrl);
    await guest.post("/join", { code: world.codeA.code, displayName: "Robin" });
    expect((await guest.post(page(), { intent: "status", actionId, status: "blocked" })).status).toBe(303);
    expect((await guest.post(page(), { intent: "status", actionId, status: "finished-ish" })).status).toBe(400);
    await running.collab.withDocument(world.a.workspace.id, (doc) => updateSession(doc, { locked: true }), SERVER);
    expect((await guest.post(page(), { intent: "status", actionId, status: "complete" })).status).toBe(409);
    const facilitator = await signedIn(world.facilitator.email);
    expect((await facilitator.post(page(), { intent: "status", actionId, status: "complete" })).status).toBe(303);
    await running.collab.withDocument(world.a.workspace.id, (doc) => updateSession(doc, { locked: false }), SERVER);
  });

  it("the page carries the document state, so the first paint is never blank", async () => {
    const member = await signedIn(world.member.email);
    const data = (await (await member.get(`/w/${world.a.workspace.id}?_data=routes%2Fw.%24workspace._index`)).json()) as { state: string };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(data.state));
    expect(readActions(doc).map((a) => a.title)).toContain("Budget letters in plain English");
  });

  it("a page load carries the document state once, in the page, not in its loader data", async () => {
    const member = await signedIn(world.member.email);
    const html = await (await member.get(`/w/${world.a.workspace.id}`)).text();
    const block = html.match(/<script type="application\/octet-stream" id="plan-state">([A-Za-z0-9+/=]+)<\/script>/);
    expect(block).not.toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(block![1]!));
    expect(readActions(doc).map((a) => a.title)).toContain("Budget letters in plain English");
    expect(html.split(block![1]!).length - 1).toBe(1);
    expect(html).toContain('"state":null');
  });
});
