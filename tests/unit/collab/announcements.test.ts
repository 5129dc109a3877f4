// Live announcements name the person who made a change, found from the transaction's public state
// vectors; when one update carries several people's edits nobody is named wrongly.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { describeRemoteChanges, writerOf } from "~/collab/announcements";
import { createAction, updateAction } from "~/domain/workspace";

function person(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** Applies an update to `doc` and returns the sentences its observers would announce. */
function heard(doc: Y.Doc, update: Uint8Array, names: Record<number, string>): string[] {
  const lines: string[] = [];
  const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => lines.push(...describeRemoteChanges(events, (c) => (c === null ? "Someone" : names[c] ?? "Someone")));
  doc.getMap("actions").observeDeep(onChange);
  Y.applyUpdate(doc, update, "remote");
  doc.getMap("actions").unobserveDeep(onChange);
  return lines;
}

describe("who made a change", () => {
  it("names the one writer of a remote change", () => {
    const alex = person(101);
    const listener = person(303);
    const id = createAction(alex, { title: "Budget letters" });
    expect(heard(listener, Y.encodeStateAsUpdate(alex), { 101: "Alex" })).toEqual(["Alex added 'Budget letters'."]);
    updateAction(alex, id, { status: "in-progress" });
    expect(heard(listener, Y.encodeStateAsUpdate(alex, Y.encodeStateVector(listener)), { 101: "Alex" })).toEqual(["Alex moved 'Budget letters' to In progress."]);
  });

  it("names nobody when one update carries two people's edits", () => {
    const alex = person(101);
    const sam = person(202);
    const listener = person(303);
    const id = createAction(alex, { title: "Peer support" });
    Y.applyUpdate(sam, Y.encodeStateAsUpdate(alex));
    Y.applyUpdate(listener, Y.encodeStateAsUpdate(alex));
    updateAction(alex, id, { rag: "red" });
    updateAction(sam, id, { owner: "Jo" });
    const both = Y.mergeUpdates([Y.encodeStateAsUpdate(alex, Y.encodeStateVector(listener)), Y.encodeStateAsUpdate(sam, Y.encodeStateVector(listener))]);
    const lines = heard(listener, both, { 101: "Alex", 202: "Sam" });
    expect(lines).toContain("Someone rated 'Peer support' Red: significant problems.");
    expect(lines).toContain("Someone made Jo the owner of 'Peer support'.");
  });

  it("reads the writer from the transaction's clocks", () => {
    expect(writerOf({ beforeState: new Map([[1, 3]]), afterState: new Map([[1, 5]]) })).toBe(1);
    expect(writerOf({ beforeState: new Map([[1, 3]]), afterState: new Map([[1, 3], [2, 1]]) })).toBe(2);
    expect(writerOf({ beforeState: new Map(), afterState: new Map() })).toBeNull();
  });
});
