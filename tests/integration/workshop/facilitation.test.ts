// Facilitation's server-side rules, on a running server with real sockets: a silent round's ideas stay on the
// server, answered only to their author, until a facilitator reveals them all at once; only facilitators
// reveal, and only facilitators mark the plan's priorities; the room screen is for facilitators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction, readActions, readHiddenIdeaCount, readIdeas, readPriorities, setPriorities } from "~/domain/workspace";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
const SERVER = { source: "server", actorId: null, actorName: "Test set-up" } as const;
const sockets: TestClient[] = [];
const signedIn = (email: string) => new Visitor(running.baseUrl).signIn(email, PASSWORD);
const ideasPath = () => `/w/${world.a.workspace.id}/ideas`;

async function asGuest(name: string): Promise<Visitor> {
  const guest = new Visitor(running.baseUrl);
  expect((await guest.post("/join", { code: world.codeA.code, displayName: name })).status).toBe(302);
  return guest;
}

function socketOf(visitor: Visitor, as: string, role: "editor" | "guest" = "editor"): TestClient {
  const client = connectClient(running.baseUrl.replace("http", "ws") + "/collab", world.a.workspace.id, {
    as,
    role,
    headers: { Cookie: `poet_session=${visitor.sessionCookie ?? ""}`, Origin: running.baseUrl },
  });
  sockets.push(client);
  return client;
}

async function mine(visitor: Visitor): Promise<string[]> {
  const response = await visitor.get(ideasPath());
  expect(response.status).toBe(200);
  return ((await response.json()) as { mine: { text: string }[] }).mine.map((i) => i.text);
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  await running.collab.withDocument(
    world.a.workspace.id,
    (doc) => {
      createAction(doc, { id: "letters", title: "Budget letters in plain English" });
      createAction(doc, { id: "peers", title: "Peer support for carers" });
    },
    SERVER,
  );
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await running.close();
});

describe("a silent ideas round", () => {
  it("keeps each idea with its author until a facilitator reveals them all; then the server writes them into the document", async () => {
    const facilitator = await signedIn(world.facilitator.email);
    const member = await signedIn(world.member.email);
    const sam = await asGuest("Sam");
    const watcher = socketOf(member, "member");
    await watcher.synced();

    expect((await sam.post(ideasPath(), { intent: "add", text: "A drop-in at the library" })).status).toBe(200);
    expect((await member.post(ideasPath(), { intent: "add", text: "Letters in easy read" })).status).toBe(200);
    // The count reaches everyone (it is the barrier: it was written after both ideas were kept)...
    await waitFor(() => readHiddenIdeaCount(watcher.doc) === 2, "everyone sees that two ideas are waiting");
    // ...but the words reach nobody: not the document, not another person's answer, not a facilitator's.
    const state = Buffer.from(Y.encodeStateAsUpdate(watcher.doc));
    expect(state.includes(Buffer.from("A drop-in at the library"))).toBe(false);
    expect(readIdeas(watcher.doc)).toEqual([]);
    expect(await mine(sam)).toEqual(["A drop-in at the library"]);
    expect(await mine(member)).toEqual(["Letters in easy read"]);
    expect(await mine(facilitator)).toEqual([]);

    // A guest can neither reveal the round nor take back someone else's idea.
    expect((await sam.post(ideasPath(), { intent: "reveal" })).status).toBe(403);
    const memberIdeaId = ((await (await member.get(ideasPath())).json()) as { mine: { id: string }[] }).mine[0]!.id;
    const stolen = await sam.post(ideasPath(), { intent: "withdraw", ideaId: memberIdeaId });
    expect(stolen.status).toBe(422);
    expect(await mine(member)).toEqual(["Letters in easy read"]);
    // A co-producer cannot reveal either.
    expect((await member.post(ideasPath(), { intent: "reveal" })).status).toBe(403);
    expect(readIdeas(watcher.doc)).toEqual([]);

    const revealed = await facilitator.post(ideasPath(), { intent: "reveal" });
    expect(await revealed.json()).toEqual({ revealed: 2 });
    await waitFor(() => readIdeas(watcher.doc).length === 2 && readHiddenIdeaCount(watcher.doc) === 0, "both ideas arrive at once, and none is waiting");
    expect(readIdeas(watcher.doc).map((i) => i.text)).toEqual(["A drop-in at the library", "Letters in easy read"]);
    // Nothing in the document says whose idea is whose.
    const after = Buffer.from(Y.encodeStateAsUpdate(watcher.doc));
    expect(after.includes(Buffer.from("Sam"))).toBe(false);
    expect(await mine(sam)).toEqual([]);
  });

  it("refuses an empty or overlong idea with a message saying how to fix it; viewers and other councils cannot write one", async () => {
    const sam = await asGuest("Robin");
    const empty = await sam.post(ideasPath(), { intent: "add", text: "   " });
    expect(empty.status).toBe(422);
    expect(await empty.json()).toEqual({ error: "Write your idea first." });
    const long = await sam.post(ideasPath(), { intent: "add", text: "x".repeat(501) });
    expect(((await long.json()) as { error: string }).error).toMatch(/500 characters or fewer/);
    const viewer = await signedIn(world.viewer.email);
    expect((await viewer.post(ideasPath(), { intent: "add", text: "Mine" })).status).toBe(403);
    const outsider = await signedIn(world.outsider.email);
    expect((await outsider.post(ideasPath(), { intent: "add", text: "Mine" })).status).toBe(404);
    expect((await outsider.get(ideasPath())).status).toBe(404);
  });

  it("a participant's socket cannot plant an idea in the document", async () => {
    const sam = await asGuest("Alex");
    const guest = socketOf(sam, "guest", "guest");
    await guest.synced();
    await waitFor(() => readIdeas(guest.doc).length === 2, "the guest has the revealed ideas");
    guest.doc.getMap("ideas").set("forged", { text: "Planted before the reveal", n: 99 });
    await waitFor(() => guest.refusals.length === 1, "the forged idea is refused");
    expect(guest.refusals[0]!.why).toBe("forbidden");
  });
});

describe("the plan's priorities", () => {
  it("a facilitator marks them for everyone; a guest's or co-producer's socket cannot", async () => {
    const facilitator = socketOf(await signedIn(world.facilitator.email), "facilitator");
    const guest = socketOf(await asGuest("Kim"), "guest", "guest");
    const member = socketOf(await signedIn(world.member.email), "member");
    const owner = socketOf(await signedIn(world.owner.email), "owner");
    await Promise.all([facilitator.synced(), guest.synced(), member.synced(), owner.synced()]);
    setPriorities(guest.doc, ["peers"]);
    await waitFor(() => guest.refusals.length === 1, "the guest's priority is refused");
    expect(guest.refusals[0]).toMatchObject({ why: "forbidden", reason: expect.stringMatching(/Only a facilitator/) });
    setPriorities(member.doc, ["peers"]);
    await waitFor(() => member.refusals.length === 1, "the co-producer's priority is refused");

    setPriorities(facilitator.doc, ["letters"]);
    // A page of ours never sends such a change, so the sender is closed; the facilitator's mark, sent after
    // both refused ones, is the barrier: it reaches a third person with nothing of theirs.
    await waitFor(() => readPriorities(owner.doc).letters === 1, "the facilitator's priority arrives");
    expect(readPriorities(owner.doc)).toEqual({ letters: 1 });
    expect(readActions(owner.doc).map((a) => a.id).sort()).toEqual(["letters", "peers"]);
  });
});

describe("the room screen", () => {
  it("is for facilitators and owners; co-producers, guests and other councils are refused", async () => {
    const path = `/w/${world.a.workspace.id}/present`;
    const facilitator = await signedIn(world.facilitator.email);
    const page = await facilitator.get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(world.codeA.code);
    expect(html).toContain("<svg");
    expect((await (await signedIn(world.owner.email)).get(path)).status).toBe(200);
    expect((await (await signedIn(world.member.email)).get(path)).status).toBe(403);
    expect((await (await asGuest("Lee")).get(path)).status).toBe(403);
    expect((await (await signedIn(world.outsider.email)).get(path)).status).toBe(404);
  });
});
