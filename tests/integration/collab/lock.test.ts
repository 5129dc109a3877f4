// The lock: while the facilitator has paused editing, a participant's change is refused with a reason and
// rolled back on their screen (a fresh copy of what the server confirmed, as the page does), the socket
// stays open (no reconnect loop), and the change never lands — not even once the board is unlocked.
import { describe, expect, it } from "vitest";
import { trackConfirmed } from "~/collab/confirmedCopy";
import { actionText, createAction, readActions, readSession, updateSession } from "~/domain/workspace";
import { storedDoc } from "../../support/collab/storedDocument";
import { collabTestbed } from "../../support/collab/testbed";
import { waitFor } from "../../support/collab/waitFor";

const { start, client } = collabTestbed();

describe("the lock", () => {
  it("a participant's change while locked is refused with a reason, rolled back, and never lands after unlocking", async () => {
    const running = await start();
    const ws = "ws-lock";
    const fran = client(running.url, ws, { as: "fran", role: "editor" });
    const pat = client(running.url, ws, { as: "pat", role: "guest" });
    const confirmed = trackConfirmed(pat.doc, pat.provider);
    await Promise.all([fran.synced(), pat.synced()]);
    createAction(fran.doc, { id: "a1", title: "Budget letters" });
    updateSession(fran.doc, { locked: true });
    await waitFor(() => readSession(pat.doc).locked && readActions(pat.doc).length === 1, "pat sees the action and the lock");

    actionText(pat.doc, "a1", "title")!.insert(0, "Clear ");
    await waitFor(() => pat.refusals.length > 0, "pat is told the change was refused");
    expect(pat.refusals[0]).toEqual({ why: "locked", reason: expect.stringMatching(/^The facilitator has paused editing/) });
    // A later change on the same socket builds on the refused one: it is dropped too, and nobody is closed.
    actionText(pat.doc, "a1", "title")!.insert(0, "Very ");
    const rolledBack = confirmed.freshCopy();
    expect(readActions(rolledBack)[0]!.title).toBe("Budget letters");

    updateSession(fran.doc, { locked: false });
    await waitFor(() => !readSession(pat.doc).locked, "pat sees the board unlocked");
    // The page carries on with the rolled-back copy on a new socket; an allowed edit is the barrier.
    const after = client(running.url, ws, { as: "pat", role: "guest", doc: rolledBack });
    await after.synced();
    actionText(after.doc, "a1", "title")!.insert(14, " in plain English");
    await waitFor(() => readActions(fran.doc)[0]!.title === "Budget letters in plain English", "the later allowed edit arrives");
    expect(readActions(after.doc)[0]!.title).toBe("Budget letters in plain English");
    expect(pat.closes).toEqual([]);
    expect(after.closes).toEqual([]);
    expect(readActions(await storedDoc(ws))[0]!.title).toBe("Budget letters in plain English");
    confirmed.destroy();
  });
});
