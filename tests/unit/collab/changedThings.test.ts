// The offline banner counts things changed (actions, notes), not the keystrokes that changed them.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changedThings } from "~/collab/changedThings";
import { actionText, createAction, notesOf, updateAction, updateSession } from "~/domain/workspace";

function collect(doc: Y.Doc): Set<string> {
  const things = new Set<string>();
  doc.on("afterTransaction", (t: Y.Transaction) => changedThings(doc, t).forEach((thing) => things.add(thing)));
  return things;
}

describe("changedThings", () => {
  it("counts twenty keystrokes in one title and a status change on another action as two changes", () => {
    const doc = new Y.Doc();
    const a = createAction(doc, { title: "Letters", createdBy: "Ann" });
    const b = createAction(doc, { title: "Phone line", createdBy: "Ann" });
    const things = collect(doc);
    const title = actionText(doc, a, "title")!;
    for (const letter of " in plain English...") title.insert(title.length, letter);
    updateAction(doc, b, { status: "in-progress" });
    expect([...things].sort()).toEqual([`action:${a}`, `action:${b}`].sort());
  });

  it("names a new action, a finding's notes and the session", () => {
    const doc = new Y.Doc();
    doc.transact(() => notesOf(doc).set("O_SAFE~all", new Y.Text()));
    const things = collect(doc);
    const id = createAction(doc, { title: "New", createdBy: "Ann" });
    notesOf(doc).get("O_SAFE~all")!.insert(0, "Said in the room");
    updateSession(doc, { locked: true });
    expect([...things].sort()).toEqual([`action:${id}`, "note:O_SAFE~all", "session"].sort());
  });
});
