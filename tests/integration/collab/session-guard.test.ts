// Facilitator controls are enforced by the server, not only by the page: a participant's crafted update
// that changes the session or writes a vote is refused, and while the board is locked participants wait.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { actionText, castVote, createAction, deleteAction, readActions, readSession, updateSession } from "~/domain/workspace";
import { startCollab, type RunningCollab } from "../../support/collab/collabHarness";
import { storedDoc } from "../../support/collab/storedDocument";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";

let running: RunningCollab | null = null;
let clients: TestClient[] = [];
const client = (url: string, ws: string, as: string, role: "editor" | "participant" | "guest") => {
  const c = connectClient(url, ws, { as, role });
  clients.push(c);
  return c;
};
/**
 * Barrier for "the refused change reached nobody": the refusal was decided before the offender was told, so
 * an allowed change another person makes now is stored and passed on after anything the refused one caused.
 */
let barriers = 0;
async function laterEditArrives(workspaceId: string, observer: TestClient) {
  const writer = client(running!.url, workspaceId, "barrier", "editor");
  await writer.synced();
  const id = `barrier-${(barriers += 1)}`;
  createAction(writer.doc, { id, title: "A later allowed change" });
  await waitFor(() => readActions(observer.doc).some((a) => a.id === id), "a later allowed change arrives");
  await waitFor(async () => readActions(await storedDoc(workspaceId)).some((a) => a.id === id), "the later allowed change is stored");
  writer.destroy();
}

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await running?.stop();
  running = null;
});

describe("facilitator controls on the server", () => {
  it("a participant's update to the session (unlocking, revealing votes) is refused and reaches nobody", async () => {
    running = await startCollab();
    const facilitator = client(running.url, "guard-session", "fran", "editor");
    const participant = client(running.url, "guard-session", "pat", "guest");
    await Promise.all([facilitator.synced(), participant.synced()]);
    updateSession(facilitator.doc, { locked: true });
    await waitFor(() => readSession(participant.doc).locked, "the participant sees the lock");

    updateSession(participant.doc, { locked: false, focus: "action:nope" });
    await waitFor(() => participant.closes.some((c) => /Only a facilitator can change the session/.test(c.reason)), "the participant is told why");
    await laterEditArrives("guard-session", facilitator);
    expect(readSession(facilitator.doc)).toMatchObject({ locked: true, focus: null });
    expect(readSession(await storedDoc("guard-session"))).toMatchObject({ locked: true, focus: null });
  });

  it("a participant's browser cannot write votes (the server casts them) nor remove an action that has votes", async () => {
    // Pat comes back after each refusal that closed them, once the cool-down for a breach is over (ADR 033).
    let now = 1_000_000;
    const afterCoolDown = () => (now += 60 * 60_000);
    running = await startCollab({ clock: () => now });
    const facilitator = client(running.url, "guard-votes", "fran", "editor");
    const participant = client(running.url, "guard-votes", "pat", "participant");
    await Promise.all([facilitator.synced(), participant.synced()]);
    createAction(facilitator.doc, { id: "a1", title: "Budget letters" });
    createAction(facilitator.doc, { id: "a2", title: "Peer support" });
    updateSession(facilitator.doc, { voting: { open: true, votesPerPerson: 3, anonymous: false, revealed: false } });
    await waitFor(() => readActions(participant.doc).length === 2 && readSession(participant.doc).voting.open, "the participant has the actions and an open vote");

    // A vote the server casts (as the vote buttons do) reaches everyone.
    await running.collab.withDocument("guard-votes", (doc) => void castVote(doc, "a2", "u:pat", 1), { source: "server", actorId: null, actorName: "Dot voting" });
    await waitFor(() => readActions(participant.doc).find((a) => a.id === "a2")?.votes["u:pat"] === 1, "the server's vote arrives");

    // A crafted one, written straight into the document, is refused and reaches nobody.
    expect(castVote(participant.doc, "a1", "u:pat", 1)).toBeNull();
    await waitFor(() => participant.closes.some((c) => /Votes are cast with the board's vote buttons/.test(c.reason)), "the participant is told why");
    await waitFor(() => participant.closes.some((c) => c.code === 4429), "the participant's page waits out the cool-down");
    await laterEditArrives("guard-votes", facilitator);
    expect(readActions(facilitator.doc).find((a) => a.id === "a1")!.votes).toEqual({});
    expect(readActions(await storedDoc("guard-votes")).find((a) => a.id === "a1")!.votes).toEqual({});

    // Nor may it replace or remove an action's votes wholesale.
    const refusedWith = async (change: (doc: Y.Doc) => void) => {
      afterCoolDown();
      const crafty = client(running!.url, "guard-votes", "pat", "participant");
      await crafty.synced();
      change(crafty.doc);
      await waitFor(() => crafty.closes.some((c) => /Votes are cast with the board's vote buttons/.test(c.reason)), "the change is refused with a reason");
      await waitFor(() => crafty.closes.some((c) => c.code === 4429), "the page waits out the cool-down");
    };
    await refusedWith((doc) => (doc.getMap("actions").get("a2") as Y.Map<unknown>).set("votes", { "a:forged": 40 }));
    await refusedWith((doc) => (doc.getMap("actions").get("a2") as Y.Map<unknown>).delete("votes"));
    await laterEditArrives("guard-votes", facilitator);
    expect(readActions(facilitator.doc).find((a) => a.id === "a2")!.votes).toEqual({ "u:pat": 1 });

    // An action with someone's votes is the room's (ADR 023): the participant's removal is refused as no
    // offence (their socket stays open), and reaches nobody.
    afterCoolDown();
    const again = client(running.url, "guard-votes", "pat", "participant");
    await again.synced();
    deleteAction(again.doc, "a2");
    await waitFor(() => again.refusals.some((r) => r.why === "votes" && /only a facilitator can remove it/.test(r.reason)), "the removal is refused with a reason");
    const barrier = client(running.url, "guard-votes", "pat", "participant");
    await barrier.synced();
    actionText(barrier.doc, "a1", "title")!.insert(0, "Clear ");
    await waitFor(() => readActions(facilitator.doc).find((a) => a.id === "a1")?.title === "Clear Budget letters", "a later allowed edit arrives");
    expect(again.closes).toEqual([]);
    expect(readActions(facilitator.doc).find((a) => a.id === "a2")?.votes).toEqual({ "u:pat": 1 });
  });

  it("participants still edit freely when the board is open", async () => {
    running = await startCollab();
    const participant = client(running.url, "guard-open", "pat", "participant");
    const other = client(running.url, "guard-open", "sam", "participant");
    await Promise.all([participant.synced(), other.synced()]);
    createAction(participant.doc, { id: "x", title: "Peer support" });
    actionText(participant.doc, "x", "title")!.insert(12, " buddies");
    await waitFor(() => readActions(other.doc)[0]?.title === "Peer support buddies", "the other participant sees it");
    expect(participant.closes).toEqual([]);
    expect(Y.encodeStateVector(other.doc)).toEqual(Y.encodeStateVector(participant.doc));
  });
});

describe("what a participant's sync reply may repeat", () => {
  it("a participant who joins after the facilitator changed the focus several times connects and edits normally", async () => {
    running = await startCollab();
    const facilitator = client(running.url, "guard-history", "fran", "editor");
    await facilitator.synced();
    for (const focus of ["finding:O_SAFE~all", "finding:P_KNEW_AMOUNT~all", null]) updateSession(facilitator.doc, { focus });
    createAction(facilitator.doc, { id: "h1", title: "Letters" });
    const participant = client(running.url, "guard-history", "pat", "participant");
    await participant.synced();
    // Its sync reply repeats the whole delete set (old focus values): that must not count as a session change.
    participant.provider.disconnect();
    participant.provider.connect();
    await participant.synced();
    actionText(participant.doc, "h1", "title")!.insert(7, " in plain English");
    await waitFor(() => readActions(facilitator.doc)[0]!.title === "Letters in plain English", "the participant's edit arrives");
    expect(participant.closes).toEqual([]);
  });
});
