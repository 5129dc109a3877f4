// The Action table follows the document, and history says who changed status, owner, due date or RAG.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction, deleteAction, notesOf, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startCollab, type RunningCollab } from "../../support/collab/collabHarness";
import { createWorkspaceRow } from "../../support/collab/storedDocument";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";

let server: RunningCollab | null = null;
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await server?.stop();
  server = null;
});

describe("action projection", () => {
  it("creates Action rows and records each tracked change with who made it", async () => {
    await createWorkspaceRow("ws-project");
    server = await startCollab({ projectionDebounceMs: 50 });
    const priya = connectClient(server.url, "ws-project", { as: "Priya" });
    const sam = connectClient(server.url, "ws-project", { as: "Sam", role: "guest" });
    clients.push(priya, sam);
    await Promise.all([priya.synced(), sam.synced()]);

    const id = createAction(priya.doc, { title: "Easy-read budget letters", owner: "Priya", due: "2026-06-30", createdBy: "Priya" });
    await waitFor(async () => (await db().action.count({ where: { workspaceId: "ws-project" } })) === 1, "the action row appears");
    const row = await db().action.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: "ws-project", id } } });
    expect(row).toMatchObject({ title: "Easy-read budget letters", status: "not-started", rag: "green", owner: "Priya", due: "2026-06-30", valid: true, problems: "" });

    await waitFor(() => sam.doc.getMap("actions").has(id), "sam sees the action");
    updateAction(sam.doc, id, { status: "in-progress", rag: "amber" });
    await waitFor(async () => (await db().actionEvent.count({ where: { workspaceId: "ws-project", field: "rag" } })) === 1, "rag change recorded");
    updateAction(priya.doc, id, { owner: "Jo", due: "2026-07-31" });
    await waitFor(async () => (await db().actionEvent.count({ where: { workspaceId: "ws-project", field: "due" } })) === 1, "due change recorded");

    const events = await db().actionEvent.findMany({ where: { workspaceId: "ws-project", actionId: id }, orderBy: [{ at: "asc" }, { field: "asc" }] });
    const summary = events.map((e) => [e.field, e.fromValue, e.toValue, e.actorId, e.actorName]);
    expect(summary).toEqual([
      ["created", null, "Easy-read budget letters", "u-Priya", "Priya"],
      ["rag", "green", "amber", "guest:g-Sam", "Sam"],
      ["status", "not-started", "in-progress", "guest:g-Sam", "Sam"],
      ["due", "2026-06-30", "2026-07-31", "u-Priya", "Priya"],
      ["owner", "Priya", "Jo", "u-Priya", "Priya"],
    ]);
    expect((await db().action.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: "ws-project", id } } })).owner).toBe("Jo");
  });

  it("shows a bad value as needs review instead of failing, and removes deleted actions", async () => {
    await createWorkspaceRow("ws-review");
    server = await startCollab({ projectionDebounceMs: 50 });
    const alice = connectClient(server.url, "ws-review", { as: "alice" });
    clients.push(alice);
    await alice.synced();
    const id = createAction(alice.doc, { title: "Fix the form" });
    const map = alice.doc.getMap("actions").get(id) as import("yjs").Map<unknown>;
    map.set("status", "done-ish");
    await waitFor(async () => (await db().action.findFirst({ where: { workspaceId: "ws-review", id, valid: false } })) !== null, "flagged for review");
    const row = await db().action.findFirstOrThrow({ where: { workspaceId: "ws-review", id } });
    expect(row.status).toBe("not-started");
    expect(row.problems).toMatch(/status: "done-ish"/);

    deleteAction(alice.doc, id);
    await waitFor(async () => (await db().action.count({ where: { workspaceId: "ws-review" } })) === 0, "row removed");
    const deleted = await db().actionEvent.findFirstOrThrow({ where: { workspaceId: "ws-review", field: "deleted" } });
    expect(deleted).toMatchObject({ actionId: id, actorName: "alice", fromValue: "Fix the form" });
  });

  it("projects on unload even when the debounce has not fired", async () => {
    await createWorkspaceRow("ws-unload-project");
    server = await startCollab({ projectionDebounceMs: 60_000, unloadGraceMs: 50 });
    const alice = connectClient(server.url, "ws-unload-project", { as: "alice" });
    await alice.synced();
    createAction(alice.doc, { title: "Projected at unload" });
    await waitFor(async () => (await db().docUpdate.count({ where: { workspaceId: "ws-unload-project" } })) > 0, "stored");
    alice.destroy();
    await waitFor(() => server!.collab.loadedDocumentCount() === 0, "unloaded");
    expect((await db().action.findFirstOrThrow({ where: { workspaceId: "ws-unload-project" } })).title).toBe("Projected at unload");
  });
});

describe("projection after a restart", () => {
  it("a plan with actions is brought back in line by the first change after it loads, even a note; typing a note is enough", async () => {
    await createWorkspaceRow("ws-restart");
    server = await startCollab({ projectionDebounceMs: 50 });
    const priya = connectClient(server.url, "ws-restart", { as: "Priya" });
    clients.push(priya);
    await priya.synced();
    const id = createAction(priya.doc, { title: "Carers' breaks booked online", owner: "Priya" });
    await waitFor(async () => (await db().action.count({ where: { workspaceId: "ws-restart" } })) === 1, "the action row appears");
    priya.destroy();
    clients = [];
    await server.stop();

    // As if the process had died before projecting: the table lost the row the document still holds.
    await db().action.deleteMany({ where: { workspaceId: "ws-restart" } });
    server = await startCollab({ projectionDebounceMs: 50 });
    const jo = connectClient(server.url, "ws-restart", { as: "Jo" });
    clients.push(jo);
    await jo.synced();
    notesOf(jo.doc).set("finding-1", new Y.Text("People want to book breaks themselves"));
    await waitFor(async () => (await db().action.count({ where: { workspaceId: "ws-restart", id } })) === 1, "the action row is back");
  });
});
