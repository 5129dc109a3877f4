import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  actionText,
  addToActionList,
  createAction,
  focusKey,
  focusTarget,
  moveAction,
  moveActionTo,
  readAction,
  readActions,
  removeFromActionList,
  actionsOf,
} from "~/domain/workspace";

const titles = (doc: Y.Doc) => readActions(doc).map((a) => a.title);

function board(...names: string[]) {
  const doc = new Y.Doc();
  const ids = names.map((title) => createAction(doc, { title }));
  return { doc, ids };
}

describe("board order", () => {
  it("moves an action up and down one place, and not past either end", () => {
    const { doc, ids } = board("A", "B", "C");
    expect(moveAction(doc, ids[2]!, "up")).toBe(true);
    expect(titles(doc)).toEqual(["A", "C", "B"]);
    expect(moveAction(doc, ids[0]!, "down")).toBe(true);
    expect(titles(doc)).toEqual(["C", "A", "B"]);
    expect(moveAction(doc, ids[2]!, "up")).toBe(false);
    expect(moveAction(doc, ids[1]!, "down")).toBe(false);
  });

  it("drops an action at any place on the board", () => {
    const { doc, ids } = board("A", "B", "C", "D");
    moveActionTo(doc, ids[3]!, 0);
    expect(titles(doc)).toEqual(["D", "A", "B", "C"]);
    moveActionTo(doc, ids[3]!, 2);
    expect(titles(doc)).toEqual(["A", "B", "D", "C"]);
    moveActionTo(doc, ids[0]!, 99);
    expect(titles(doc)).toEqual(["B", "D", "C", "A"]);
  });

  it("two people moving different actions at once both keep their moves", () => {
    const { doc: a, ids } = board("A", "B", "C", "D");
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveAction(a, ids[1]!, "up");
    moveAction(b, ids[3]!, "up");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(titles(a)).toEqual(["B", "A", "D", "C"]);
    expect(titles(b)).toEqual(titles(a));
  });

  it("still moves when a neighbour's order key is broken", () => {
    const { doc, ids } = board("A", "B");
    actionsOf(doc).get(ids[0]!)!.set("order", "!!");
    expect(() => moveAction(doc, ids[1]!, "up")).not.toThrow();
  });
});

describe("linked lists and text", () => {
  it("adds partners, findings and statements once and removes them", () => {
    const { doc, ids } = board("A");
    const id = ids[0]!;
    addToActionList(doc, id, "partners", " Carers' forum ");
    addToActionList(doc, id, "partners", "Carers' forum");
    addToActionList(doc, id, "mirIds", "WF-I2");
    addToActionList(doc, id, "findingIds", "O_SAFE~all");
    expect(readAction(id, actionsOf(doc).get(id)!)).toMatchObject({ partners: ["Carers' forum"], mirIds: ["WF-I2"], findingIds: ["O_SAFE~all"] });
    removeFromActionList(doc, id, "partners", "Carers' forum");
    expect(readAction(id, actionsOf(doc).get(id)!).partners).toEqual([]);
    expect(() => addToActionList(doc, id, "partners", "   ")).toThrow();
  });

  it("gives the shared text of a title, or null for a missing action", () => {
    const { doc, ids } = board("Budget letters");
    expect(actionText(doc, ids[0]!, "title")?.toString()).toBe("Budget letters");
    expect(actionText(doc, "nope", "title")).toBeNull();
  });

  it("records who an idea came from and who typed it in", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "Easy-read letters", createdBy: "Pat", recordedBy: "Alex" });
    expect(readActions(doc)[0]).toMatchObject({ id, createdBy: "Pat", recordedBy: "Alex", valid: true });
    const plain = createAction(doc, { title: "Other" });
    expect(readAction(plain, actionsOf(doc).get(plain)!)).toMatchObject({ recordedBy: undefined, valid: true });
  });
});

describe("focus", () => {
  it("stores and reads a finding or an action; a bare id is a finding", () => {
    expect(focusTarget(focusKey({ kind: "action", id: "a1" }))).toEqual({ kind: "action", id: "a1" });
    expect(focusTarget(focusKey({ kind: "finding", id: "O_SAFE~all" }))).toEqual({ kind: "finding", id: "O_SAFE~all" });
    expect(focusTarget("O_DIGNITY")).toEqual({ kind: "finding", id: "O_DIGNITY" });
    expect(focusTarget(null)).toBeNull();
  });
});
