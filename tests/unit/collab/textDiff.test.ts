import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { moveCaret, spliceBetween } from "~/collab/textDiff";

describe("a keystroke as a splice", () => {
  it("finds a typed character, a deletion and a replaced selection", () => {
    expect(spliceBetween("Budget", "Budgets", 7)).toEqual({ index: 6, remove: 0, insert: "s" });
    expect(spliceBetween("Budget", "Buget", 2)).toEqual({ index: 2, remove: 1, insert: "" });
    expect(spliceBetween("Budget letters", "Budget mail", 11)).toEqual({ index: 7, remove: 7, insert: "mail" });
  });

  it("places a repeated letter where the caret says it was typed", () => {
    expect(spliceBetween("aa", "aaa", 1)).toEqual({ index: 0, remove: 0, insert: "a" });
    expect(spliceBetween("aa", "aaa", 3)).toEqual({ index: 2, remove: 0, insert: "a" });
  });

  it("two people typing into one text through splices lose no characters", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("t").insert(0, "Budget letters");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apply = (doc: Y.Doc, before: string, after: string, caret: number) => {
      const s = spliceBetween(before, after, caret)!;
      doc.transact(() => {
        doc.getText("t").delete(s.index, s.remove);
        doc.getText("t").insert(s.index, s.insert);
      });
    };
    apply(a, "Budget letters", "Plain Budget letters", 6);
    apply(b, "Budget letters", "Budget letters in easy read", 27);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("t").toString()).toBe("Plain Budget letters in easy read");
    expect(b.getText("t").toString()).toBe(a.getText("t").toString());
  });
});

describe("a caret when someone else edits", () => {
  it("moves right for text added before it and left for text removed before it", () => {
    expect(moveCaret(6, [{ insert: "Plain " }])).toBe(12);
    expect(moveCaret(6, [{ retain: 2 }, { delete: 2 }])).toBe(4);
    expect(moveCaret(3, [{ retain: 1 }, { delete: 5 }])).toBe(1);
  });

  it("stays put for edits after it and for text typed exactly at it", () => {
    expect(moveCaret(6, [{ retain: 8 }, { insert: "x" }])).toBe(6);
    expect(moveCaret(6, [{ retain: 6 }, { insert: "x" }])).toBe(6);
  });
});
