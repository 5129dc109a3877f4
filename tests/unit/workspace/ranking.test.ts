// Vote results ranked, and the plan's priorities kept in the session map.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_PRIORITIES, createAction, deleteAction, priorityOrder, rankByVotes, readActions, readPriorities, setPriorities, setVotes, togglePriority } from "~/domain/workspace";

const action = (id: string, votes: Record<string, number>, title = id) => ({ id, title, votes });

describe("rankByVotes", () => {
  it("puts the most votes first, ties share a place and keep board order, no votes come last", () => {
    const ranked = rankByVotes([action("a", { x: 1 }), action("b", { x: 2, y: 1 }), action("c", {}), action("d", { y: 1 }), action("e", { z: 3 })]);
    expect(ranked.map((r) => [r.id, r.rank, r.total])).toEqual([
      ["b", 1, 3],
      ["e", 1, 3],
      ["a", 3, 1],
      ["d", 3, 1],
      ["c", 5, 0],
    ]);
    expect(ranked[0]!.boardPosition).toBe(1);
  });

  it("names an untitled action so a ranked list never shows a blank line", () => {
    expect(rankByVotes([action("a", {}, "  ")])[0]!.title).toBe("Untitled action");
  });
});

describe("the plan's priorities", () => {
  function board() {
    const doc = new Y.Doc();
    for (const id of ["a", "b", "c"]) createAction(doc, { id, title: id });
    setVotes(doc, "b", "u:1", 2);
    return doc;
  }

  it("marks, orders and unmarks priorities; an action taken off the board drops out of the order", () => {
    const doc = board();
    const ids = () => readActions(doc).map((a) => a.id);
    expect(togglePriority(doc, "b", ids())).toBe(true);
    expect(togglePriority(doc, "a", ids())).toBe(true);
    expect(readPriorities(doc)).toEqual({ b: 1, a: 2 });
    togglePriority(doc, "b", ids());
    expect(readPriorities(doc)).toEqual({ a: 1 });
    setPriorities(doc, ["c", "a"]);
    deleteAction(doc, "c");
    expect(priorityOrder(readPriorities(doc), ids())).toEqual(["a"]);
  });

  it(`keeps at most ${MAX_PRIORITIES}, and skips values that are not a place from 1`, () => {
    const doc = new Y.Doc();
    const many = Array.from({ length: MAX_PRIORITIES + 2 }, (_, i) => `x${i}`);
    setPriorities(doc, many);
    expect(Object.keys(readPriorities(doc))).toHaveLength(MAX_PRIORITIES);
    expect(togglePriority(doc, "x11", many)).toBe(false);
    (doc.getMap("session").get("priorities") as Y.Map<unknown>).set("bad", "first");
    (doc.getMap("session").get("priorities") as Y.Map<unknown>).set("zero", 0);
    expect(readPriorities(doc)).not.toHaveProperty("bad");
    expect(readPriorities(doc)).not.toHaveProperty("zero");
  });
});
