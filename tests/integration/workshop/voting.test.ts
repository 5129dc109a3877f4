// Dot votes go through the server: it keeps the rules (open, votes left), writes the vote itself, and
// in an anonymous vote stores it under a key nobody else can tie to the voter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction, readActions, readVoterNames, updateSession } from "~/domain/workspace";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let watcher: TestClient;
const SERVER = { source: "server", actorId: null, actorName: "Test set-up" } as const;
const signedIn = (email: string) => new Visitor(running.baseUrl).signIn(email, PASSWORD);
// The live board posts its votes to their own endpoint (JSON), with the count the person saw.
const endpoint = () => `/w/${world.a.workspace.id}/votes`;
const votesOn = (id: string) => readActions(watcher.doc).find((a) => a.id === id)?.votes ?? {};
const openVoting = (anonymous: boolean, votesPerPerson = 2) =>
  running.collab.withDocument(
    world.a.workspace.id,
    (doc) => {
      for (const action of readActions(doc)) {
        const votes = doc.getMap("actions").get(action.id) as Y.Map<unknown>;
        (votes.get("votes") as Y.Map<number>).clear();
      }
      updateSession(doc, { voting: { open: true, votesPerPerson, anonymous, revealed: false } });
    },
    SERVER,
  );

async function vote(visitor: Visitor, actionId: string, delta: "1" | "-1", from = 0) {
  const response = await visitor.post(endpoint(), { actionId, delta, from: String(from) });
  return { status: response.status, body: (await response.json()) as { vote?: { refusal: string | null; mine: number }; error?: string } };
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
  const owner = await signedIn(world.owner.email);
  watcher = connectClient(running.baseUrl.replace("http", "ws") + "/collab", world.a.workspace.id, {
    as: "owner",
    headers: { Cookie: `poet_session=${owner.sessionCookie ?? ""}`, Origin: running.baseUrl },
  });
  await watcher.synced();
});
afterAll(async () => {
  watcher.destroy();
  await running.close();
});

describe("dot votes cast by the server", () => {
  it("an anonymous vote reaches everyone without anything that names the voter", async () => {
    await openVoting(true);
    const member = await signedIn(world.member.email);
    const first = await vote(member, "letters", "1");
    expect(first).toEqual({ status: 200, body: { vote: { actionId: "letters", refusal: null, mine: 1 } } });
    await waitFor(() => Object.keys(votesOn("letters")).length === 1, "the connected client sees the vote");
    const [key] = Object.keys(votesOn("letters"));
    expect(key).toMatch(/^a:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain(world.member.id);
    const state = Y.encodeStateAsUpdate(watcher.doc);
    expect(Buffer.from(state).includes(Buffer.from(world.member.id))).toBe(false);
    expect(Buffer.from(state).includes(Buffer.from(world.member.name))).toBe(false);
    expect(readVoterNames(watcher.doc)).toEqual({});

    // The same person keeps the same key (so they can take a vote back); someone else gets another.
    expect((await vote(member, "peers", "1")).body.vote).toMatchObject({ refusal: null, mine: 1 });
    await waitFor(() => Object.keys(votesOn("peers")).length === 1, "the second vote arrives");
    expect(Object.keys(votesOn("peers"))).toEqual([key]);
    const facilitator = await signedIn(world.facilitator.email);
    await vote(facilitator, "letters", "1");
    await waitFor(() => Object.keys(votesOn("letters")).length === 2, "a second voter's vote arrives under its own key");
  });

  it("keeps the rules on the server: no votes beyond the budget, none taken back that were not given, none while closed", async () => {
    await openVoting(true, 1);
    const member = await signedIn(world.member.email);
    expect((await vote(member, "letters", "-1")).body.vote?.refusal).toBe("none-to-remove");
    expect((await vote(member, "letters", "1")).body.vote?.refusal).toBeNull();
    expect((await vote(member, "peers", "1")).body.vote).toMatchObject({ refusal: "no-votes-left", mine: 0 });
    expect((await vote(member, "letters", "-1", 1)).body.vote).toMatchObject({ refusal: null, mine: 0 });
    expect((await vote(member, "no-such-action", "1")).body.vote?.refusal).toBe("no-such-action");
    await running.collab.withDocument(world.a.workspace.id, (doc) => updateSession(doc, { voting: { open: false, votesPerPerson: 1, anonymous: true, revealed: true } }), SERVER);
    expect((await vote(member, "letters", "1")).body.vote?.refusal).toBe("closed");
    await waitFor(() => Object.keys(votesOn("letters")).length === 0, "no vote is left on the board");
  });

  it("a named vote is stored under the person and shows their name", async () => {
    await openVoting(false);
    const member = await signedIn(world.member.email);
    expect((await vote(member, "letters", "1")).body.vote?.refusal).toBeNull();
    await waitFor(() => votesOn("letters")[`u:${world.member.id}`] === 1, "the named vote arrives");
    expect(readVoterNames(watcher.doc)[`u:${world.member.id}`]).toBe(world.member.name);
  });

  it("a guest who joined with a code can vote; viewers, other councils and bad requests change nothing", async () => {
    await openVoting(true);
    const guest = new Visitor(running.baseUrl);
    expect((await guest.post("/join", { code: world.codeA.code, displayName: "Sam" })).status).toBe(302);
    expect((await vote(guest, "peers", "1")).body.vote).toMatchObject({ refusal: null, mine: 1 });
    await waitFor(() => Object.keys(votesOn("peers")).length === 1, "the guest's vote arrives");

    const viewer = await signedIn(world.viewer.email);
    expect((await viewer.post(endpoint(), { actionId: "letters", delta: "1", from: "0" })).status).toBe(403);
    const signedOut = await new Visitor(running.baseUrl).post(endpoint(), { actionId: "letters", delta: "1", from: "0" });
    expect(signedOut.status).toBe(401);
    expect(((await signedOut.json()) as { error: string }).error).toMatch(/no longer signed in/);
    const outsider = await signedIn(world.outsider.email);
    expect((await outsider.post(endpoint(), { actionId: "letters", delta: "1", from: "0" })).status).toBe(404);
    const member = await signedIn(world.member.email);
    const bad = await vote(member, "letters", "5" as "1");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/not understood/);
    // A body that is not a form at all gets the same plain answer, not the error page.
    const notAForm = await member.postJson(endpoint(), { actionId: "letters", delta: "1", from: "0" });
    expect(notAForm.status).toBe(400);
    expect(((await notAForm.json()) as { error: string }).error).toMatch(/not understood/);
    // Barrier: a later allowed vote arrives after anything the refused requests could have written.
    expect((await vote(member, "peers", "1")).body.vote?.refusal).toBeNull();
    await waitFor(() => Object.keys(votesOn("peers")).length === 2, "the member's later vote arrives");
    expect(votesOn("letters")).toEqual({});
  });

  it("a vote retried after its answer was lost counts once; a vote from an out-of-date count changes nothing", async () => {
    await openVoting(false, 3);
    const member = await signedIn(world.member.email);
    const key = `u:${world.member.id}`;
    // The same request twice (the first one's answer never reached the browser): one vote, and the answer says so.
    expect((await vote(member, "letters", "1", 0)).body.vote).toEqual({ actionId: "letters", refusal: null, mine: 1 });
    expect((await vote(member, "letters", "1", 0)).body.vote).toEqual({ actionId: "letters", refusal: "changed", mine: 1 });
    // Pressed again from the count the server gave back: a second vote.
    expect((await vote(member, "letters", "1", 1)).body.vote).toEqual({ actionId: "letters", refusal: null, mine: 2 });
    // Taking one back works the same way.
    expect((await vote(member, "letters", "-1", 2)).body.vote).toMatchObject({ refusal: null, mine: 1 });
    expect((await vote(member, "letters", "-1", 2)).body.vote).toMatchObject({ refusal: "changed", mine: 1 });
    await waitFor(() => votesOn("letters")[key] === 1, "one vote is left on the board");
    // A vote without the count it starts from is not understood (not counted blindly).
    const blind = await member.post(endpoint(), { actionId: "letters", delta: "1" });
    expect(blind.status).toBe(400);
    // A board opened before votes had their own endpoint posts to the page: it is told to reload, with data
    // (not an error thrown to the page's error boundary), and nothing is counted.
    const old = await member.post(`/w/${world.a.workspace.id}?index&_data=${encodeURIComponent("routes/w.$workspace._index")}`, { intent: "vote", actionId: "letters", delta: "1" });
    expect(old.status).toBe(409);
    expect(old.headers.get("X-Remix-Catch")).toBeNull();
    expect(((await old.json()) as { error: string }).error).toMatch(/Reload the page/);
    expect((await vote(member, "peers", "1", 0)).body.vote?.refusal).toBeNull();
    await waitFor(() => votesOn("peers")[key] === 1, "the later vote arrives");
    expect(votesOn("letters")[key]).toBe(1);
  });
});
