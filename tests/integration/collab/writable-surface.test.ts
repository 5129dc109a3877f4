// The attacks of issue 16 item 3, through real sockets: a guest may not run the vote (nested voting fields,
// the budget, revealing, de-anonymising) nor re-create a voted action with forged votes. Each is refused
// with a reason, and a later allowed edit reaching the peer proves the forbidden one never did.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { actionText, castVote, createAction, deleteAction, readActions, readSession, setVotes, updateSession } from "~/domain/workspace";
import { LOCAL_EDIT } from "~/collab/origins";
import { createBoardUndo } from "~/collab/useUndo";
import { storedDoc } from "../../support/collab/storedDocument";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { start, client } = collabTestbed();
const voting = (doc: Y.Doc) => doc.getMap("session").get("voting") as Y.Map<unknown>;
const dotVoting = { source: "server", actorId: null, actorName: "Dot voting" } as const;

describe("a guest cannot bend the workshop's rules", () => {
  it("every attack is refused, reaches neither the facilitator nor the store, and the vote stays the facilitator's", async () => {
    const running = await start();
    const ws = "surface-attacks";
    const facilitator = client(running.url, ws, { as: "fran", role: "editor" });
    await facilitator.synced();
    createAction(facilitator.doc, { id: "a1", title: "Budget letters" });
    createAction(facilitator.doc, { id: "a2", title: "Peer support" });
    updateSession(facilitator.doc, { voting: { open: false, votesPerPerson: 3, anonymous: true, revealed: false } });
    await waitFor(async () => (await running.collab.readDocument(ws, (doc) => readActions(doc).length)) === 2, "the server has both actions");
    await running.collab.withDocument(ws, (doc) => setVotes(doc, "a1", "a:someone", 2), dotVoting);
    await waitFor(() => readActions(facilitator.doc).find((a) => a.id === "a1")?.votes["a:someone"] === 2, "the facilitator has the server's votes");

    const attacks: Array<[string, (doc: Y.Doc) => void, RegExp]> = [
      ["opens voting", (d) => voting(d).set("open", true), /Only a facilitator can change the session/],
      ["sets 25 votes each", (d) => voting(d).set("votesPerPerson", 25), /Only a facilitator/],
      ["reveals and de-anonymises the vote", (d) => (voting(d).set("revealed", true), voting(d).set("anonymous", false)), /Only a facilitator/],
      ["writes votes straight into the document", (d) => setVotes(d, "a2", "g:g-gus", 25), /Votes are cast with the board's vote buttons/],
      [
        "deletes a voted action and re-creates it under its id with forged votes",
        (d) =>
          d.transact(() => {
            deleteAction(d, "a1");
            createAction(d, { id: "a1", title: "Budget letters" });
            setVotes(d, "a1", "g:g-gus", 25);
          }),
        /may not replace actions\.a1|Votes are cast with the board's vote buttons/,
      ],
    ];
    let marker = 0;
    for (const [name, attack, reason] of attacks) {
      // A new guest per attack: one closed for a breach waits out a cool-down before reconnecting (ADR 033).
      const guest = client(running.url, ws, { as: `gus-${marker}`, role: "guest" });
      await guest.synced();
      attack(guest.doc);
      await waitFor(() => guest.closes.some((c) => c.code === 1008 && reason.test(c.reason)), `${name}: the guest is closed with a reason`);
      expect(guest.refusals.map((r) => r.why), name).toContain("forbidden");
      guest.destroy();
      // The barrier: an allowed edit sent after the forbidden one arrives, so the forbidden one would have too.
      const honest = client(running.url, ws, { as: "gus", role: "guest" });
      await honest.synced();
      actionText(honest.doc, "a2", "title")!.insert(0, `${++marker} `);
      await waitFor(() => readActions(facilitator.doc).find((a) => a.id === "a2")!.title.startsWith(`${marker} `), `${name}: the later allowed edit arrives`);
      honest.destroy();
      expect(readSession(facilitator.doc).voting, name).toEqual({ open: false, votesPerPerson: 3, anonymous: true, revealed: false });
      expect(readActions(facilitator.doc).find((a) => a.id === "a1")!.votes, name).toEqual({ "a:someone": 2 });
      expect(readActions(facilitator.doc).find((a) => a.id === "a2")!.votes, name).toEqual({});
    }
    const stored = await storedDoc(ws);
    expect(readSession(stored).voting).toEqual({ open: false, votesPerPerson: 3, anonymous: true, revealed: false });
    expect(readActions(stored).map((a) => [a.id, a.votes])).toEqual([["a1", { "a:someone": 2 }], ["a2", {}]]);

    // The vote route reads the open state and the budget where only the facilitator writes them.
    let refusal: string | null = "not run";
    await running.collab.withDocument(ws, (doc) => void (refusal = castVote(doc, "a2", "g:g-gus", 1)), dotVoting);
    expect(refusal).toBe("closed");
  });
});

describe("removing an action that has votes, and undoing it (ADR 023)", () => {
  it("a guest's removal is rolled back with the reason and no close; the facilitator's undo brings the votes back, stored", async () => {
    const running = await start();
    const ws = "undo-voted-action";
    const fran = client(running.url, ws, { as: "fran", role: "editor" });
    await fran.synced();
    const franUndo = createBoardUndo(fran.doc);
    createAction(fran.doc, { id: "a1", title: "Budget letters" });
    createAction(fran.doc, { id: "a2", title: "Peer support" });
    updateSession(fran.doc, { voting: { open: true, votesPerPerson: 3, anonymous: true, revealed: false } });
    await waitFor(async () => (await running.collab.readDocument(ws, (doc) => readActions(doc).length)) === 2, "the server has both actions");
    await running.collab.withDocument(ws, (doc) => setVotes(doc, "a1", "a:someone", 2), dotVoting);
    await waitFor(() => readActions(fran.doc).find((a) => a.id === "a1")?.votes["a:someone"] === 2, "the facilitator has the server's votes");

    const gus = client(running.url, ws, { as: "gus", role: "guest" });
    await gus.synced();
    deleteAction(gus.doc, "a1", LOCAL_EDIT);
    await waitFor(() => gus.refusals.length > 0, "the guest is told their removal was refused");
    expect(gus.refusals).toEqual([{ why: "votes", reason: expect.stringMatching(/has votes from the room, so only a facilitator can remove it/) }]);
    // The barrier: the facilitator's next edit reaches the guest's socket, which is still open; the removal never arrived.
    updateSession(fran.doc, { focus: "action:a2" });
    await waitFor(() => readSession(gus.doc).focus === "action:a2", "the guest's socket is still live");
    expect(gus.closes).toEqual([]);
    expect(readActions(fran.doc).map((a) => a.id)).toEqual(["a1", "a2"]);

    franUndo.undo.stopCapturing();
    deleteAction(fran.doc, "a1", LOCAL_EDIT);
    await waitFor(async () => (await running.collab.readDocument(ws, (doc) => readActions(doc).length)) === 1, "the facilitator's removal lands");
    franUndo.undo.undo();
    await waitFor(async () => (await running.collab.readDocument(ws, (doc) => readActions(doc).find((a) => a.id === "a1")?.votes["a:someone"])) === 2, "the undo lands with the votes");
    expect(fran.closes).toEqual([]);
    expect(fran.refusals).toEqual([]);
    // The server applies an edit before its row is committed; its answer to fran's next sync comes only once
    // everything before it is stored, so the stored board is read after that.
    await fran.roundTrip();
    const stored = await storedDoc(ws);
    expect(readActions(stored).map((a) => [a.id, a.votes])).toEqual([["a1", { "a:someone": 2 }], ["a2", {}]]);
    // The restored votes count against the budget as before: the vote route reads them where the server wrote them.
    let refusal: string | null = "not run";
    await running.collab.withDocument(ws, (doc) => void (refusal = castVote(doc, "a1", "a:someone", 1)), dotVoting);
    expect(refusal).toBeNull();
    await running.collab.withDocument(ws, (doc) => void (refusal = castVote(doc, "a1", "a:someone", 1)), dotVoting);
    expect(refusal).not.toBeNull();
    franUndo.dispose();
  });
});
