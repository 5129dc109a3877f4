// What a refused change takes off a person's screen, in the board's words (app/collab/unsavedChanges.ts).
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { unsavedChanges, unsavedText } from "~/collab/unsavedChanges";
import { actionText, createAction, deleteAction, noteFor, updateAction } from "~/domain/workspace";

function pair() {
  const confirmed = new Y.Doc();
  createAction(confirmed, { id: "a1", title: "Budget letters" });
  createAction(confirmed, { id: "a2", title: "Peer support" });
  noteFor(confirmed, "f1").insert(0, "We heard this");
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(confirmed));
  return { confirmed, local };
}

describe("unsaved changes", () => {
  it("names each thing and keeps the person's words", () => {
    const { confirmed, local } = pair();
    actionText(local, "a1", "title")!.insert(14, " in plain words");
    updateAction(local, "a1", { status: "in-progress" });
    createAction(local, { id: "a3", title: "Drop-in", description: "Tuesdays at the library" });
    deleteAction(local, "a2");
    noteFor(local, "f1").insert(13, ", twice");
    noteFor(local, "f2").insert(0, "New thought");
    const changes = unsavedChanges(local, confirmed);
    expect(changes).toEqual([
      { kind: "action", title: "Budget letters", fields: ["title", "status"], words: "Budget letters in plain words" },
      { kind: "new-action", title: "Drop-in", words: "Drop-in\nTuesdays at the library" },
      { kind: "removed-action", title: "Peer support" },
      { kind: "note", findingId: "f1", words: "We heard this, twice" },
      { kind: "note", findingId: "f2", words: "New thought" },
    ]);
    const text = unsavedText(changes, (id) => (id === "f1" ? "Carers feel heard" : "Waiting times"));
    expect(text).toContain('Changes to "Budget letters" (title, status):\nBudget letters in plain words');
    expect(text).toContain('Notes on "Carers feel heard":\nWe heard this, twice');
  });

  it("nothing when the copies agree", () => {
    const { confirmed, local } = pair();
    expect(unsavedChanges(local, confirmed)).toEqual([]);
  });
});
