import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  actionsOf,
  createAction,
  deleteAction,
  readAction,
  readActions,
  setVotes,
  totalVotes,
  updateAction,
  type ActionMap,
} from "~/domain/workspace";

describe("actions in a workspace document", () => {
  it("creates an action with defaults and reads it back as valid", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "Plain-English budget letters", createdBy: "Priya", findingIds: ["O_DIGNITY"] });
    const [action] = readActions(doc);
    expect(action).toMatchObject({
      id,
      title: "Plain-English budget letters",
      description: "",
      status: "not-started",
      rag: "green",
      owner: "",
      partners: [],
      due: null,
      findingIds: ["O_DIGNITY"],
      mirIds: [],
      votes: {},
      createdBy: "Priya",
      valid: true,
      problems: [],
    });
    const map = actionsOf(doc).get(id)!;
    expect(map.get("title")).toBeInstanceOf(Y.Text);
    expect(map.get("partners")).toBeInstanceOf(Y.Array);
    expect(map.get("votes")).toBeInstanceOf(Y.Map);
  });

  it("keeps board order by fractional index, appending new actions at the end", () => {
    const doc = new Y.Doc();
    createAction(doc, { title: "first" });
    createAction(doc, { title: "second" });
    const firstOrder = readActions(doc)[0]!.order;
    createAction(doc, { title: "third" });
    expect(readActions(doc).map((a) => a.title)).toEqual(["first", "second", "third"]);
    const secondOrder = readActions(doc)[1]!.order;
    expect(firstOrder < secondOrder).toBe(true);
  });

  it("refuses to create an action with an invalid field", () => {
    const doc = new Y.Doc();
    expect(() => createAction(doc, { title: "x", status: "done" as never })).toThrow();
    expect(() => createAction(doc, { title: "x", due: "2026-02-30" })).toThrow();
    expect(actionsOf(doc).size).toBe(0);
  });

  it("reports bad stored values as needs review and never throws", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "Fix it", rag: "amber" });
    const map = actionsOf(doc).get(id)!;
    map.set("status", "finished");
    map.set("due", "next tuesday");
    map.set("rag", 7 as unknown as string);
    const view = readAction(id, map);
    expect(view.valid).toBe(false);
    expect(view.status).toBe("not-started");
    expect(view.rag).toBe("green");
    expect(view.due).toBeNull();
    expect(view.problems).toHaveLength(3);
    expect(view.problems.join("\n")).toMatch(/status: "finished"/);
    expect(view.title).toBe("Fix it");
  });

  it("reports something that is not an action at all", () => {
    const doc = new Y.Doc();
    (actionsOf(doc) as unknown as Y.Map<unknown>).set("weird", "just a string");
    const [view] = readActions(doc);
    expect(view).toMatchObject({ id: "weird", valid: false });
  });

  it("updates tracked fields with validation, and deletes", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "t" });
    updateAction(doc, id, { status: "blocked", rag: "red", owner: "Jo", due: "2026-09-30" });
    expect(readActions(doc)[0]).toMatchObject({ status: "blocked", rag: "red", owner: "Jo", due: "2026-09-30", valid: true });
    expect(() => updateAction(doc, id, { rag: "purple" })).toThrow(/rag: "purple"/);
    expect(() => updateAction(doc, "missing", { rag: "red" })).toThrow(/no action missing/);
    deleteAction(doc, id);
    expect(readActions(doc)).toEqual([]);
  });

  it("counts votes per participant", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, { title: "t" });
    setVotes(doc, id, "p1", 2);
    setVotes(doc, id, "p2", 1);
    setVotes(doc, id, "p1", 0);
    const view = readActions(doc)[0]!;
    expect(view.votes).toEqual({ p2: 1 });
    expect(totalVotes(view)).toBe(1);
  });

  it("merges concurrent edits to different fields of one action", () => {
    const a = new Y.Doc();
    const id = createAction(a, { title: "Shared" });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateAction(a, id, { status: "in-progress" });
    updateAction(b, id, { owner: "Sam" });
    ((actionsOf(b).get(id) as ActionMap).get("title") as Y.Text).insert(6, " plan");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readActions(a)).toEqual(readActions(b));
    expect(readActions(a)[0]).toMatchObject({ title: "Shared plan", status: "in-progress", owner: "Sam" });
  });
});
