import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBoardUndo } from "~/collab/useUndo";
import { LOCAL_EDIT, LOCAL_SESSION } from "~/collab/origins";
import { actionText, castVote, createAction, readActions, readSession, updateAction, updateSession } from "~/domain/workspace";

function pair() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(theirs, u, "remote"));
  theirs.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(mine, u, "remote"));
  return { mine, theirs };
}

describe("undo on the board", () => {
  it("takes back only my change, never someone else's", () => {
    const { mine, theirs } = pair();
    const { undo } = createBoardUndo(mine);
    const id = createAction(theirs, { title: "Budget letters" });
    updateAction(mine, id, { status: "in-progress" }, LOCAL_EDIT);
    updateAction(theirs, id, { owner: "Priya" });
    undo.undo();
    expect(readActions(theirs)[0]).toMatchObject({ status: "not-started", owner: "Priya" });
    undo.redo();
    expect(readActions(theirs)[0]).toMatchObject({ status: "in-progress", owner: "Priya" });
  });

  it("keeps a new action and a quick status change as two steps, but merges a burst of typing", () => {
    const doc = new Y.Doc();
    const { undo } = createBoardUndo(doc);
    const id = createAction(doc, { title: "Letters" }, LOCAL_EDIT);
    updateAction(doc, id, { status: "complete" }, LOCAL_EDIT);
    const title = actionText(doc, id, "title")!;
    doc.transact(() => title.insert(7, " in"), LOCAL_EDIT);
    doc.transact(() => title.insert(10, " plain English"), LOCAL_EDIT);
    undo.undo();
    expect(readActions(doc)[0]).toMatchObject({ title: "Letters", status: "complete" });
    undo.undo();
    expect(readActions(doc)[0]).toMatchObject({ status: "not-started" });
    undo.undo();
    expect(readActions(doc)).toEqual([]);
  });

  it("never undoes votes or facilitator session changes", () => {
    const doc = new Y.Doc();
    const { undo } = createBoardUndo(doc);
    const id = createAction(doc, { title: "Letters" }, LOCAL_EDIT);
    updateSession(doc, { voting: { open: true, votesPerPerson: 3, anonymous: true } }, LOCAL_SESSION);
    updateAction(doc, id, { rag: "amber" }, LOCAL_EDIT);
    castVote(doc, id, "u:1", 1, LOCAL_SESSION);
    updateSession(doc, { locked: true }, LOCAL_SESSION);
    undo.undo();
    expect(readActions(doc)[0]).toMatchObject({ rag: "green", votes: { "u:1": 1 } });
    expect(readSession(doc)).toMatchObject({ locked: true, voting: { open: true } });
  });
});
