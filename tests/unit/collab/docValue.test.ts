import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { docValue } from "~/collab/docValue";
import { actionsOf, createAction, linkedFindingIds, readActions, updateAction } from "~/domain/workspace";

describe("docValue: one read per document version, shared by every reader", () => {
  it("reads once until the document changes, then reads again", () => {
    const doc = new Y.Doc();
    let reads = 0;
    const count = (d: Y.Doc) => (reads++, readActions(d).length);
    createAction(doc, { title: "First" });
    expect(docValue(doc, count)).toBe(1);
    expect(docValue(doc, count)).toBe(1);
    expect(reads).toBe(1);
    createAction(doc, { title: "Second" });
    expect(docValue(doc, count)).toBe(2);
    expect(reads).toBe(2);
  });

  it("gives an afterTransaction handler the changed value, whenever it was registered", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "Letters" });
    const seen: string[] = [];
    doc.on("afterTransaction", () => seen.push(docValue(doc, readActions)[0]!.status));
    expect(docValue(doc, readActions)[0]!.status).toBe("not-started");
    updateAction(doc, id, { status: "complete" });
    expect(seen).toEqual(["complete"]);
  });

  it("reads afresh inside a transaction (the document half changed)", () => {
    const doc = new Y.Doc();
    expect(docValue(doc, readActions)).toHaveLength(0);
    doc.transact(() => {
      createAction(doc, { title: "Inside" });
      expect(docValue(doc, readActions)).toHaveLength(1);
    });
    expect(docValue(doc, readActions)).toHaveLength(1);
  });

  it("keeps documents apart", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createAction(a, { title: "Only in a" });
    expect(docValue(a, readActions)).toHaveLength(1);
    expect(docValue(b, readActions)).toHaveLength(0);
  });
});

describe("linkedFindingIds", () => {
  it("gives the findings readActions gives, skipping a list that breaks its rule", () => {
    const doc = new Y.Doc();
    createAction(doc, { title: "One", findingIds: ["O_DIGNITY", "O_CHOICE"] });
    createAction(doc, { title: "Two", findingIds: ["O_CHOICE"] });
    const broken = createAction(doc, { title: "Broken" });
    (actionsOf(doc).get(broken) as Y.Map<unknown>).set("findingIds", Y.Array.from([42]));
    actionsOf(doc).set("not-a-map", "x" as never);
    expect(linkedFindingIds(doc)).toEqual(new Set(readActions(doc).flatMap((a) => a.findingIds)));
    expect(linkedFindingIds(doc)).toEqual(new Set(["O_DIGNITY", "O_CHOICE"]));
  });
});
