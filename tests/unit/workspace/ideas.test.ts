// Revealed ideas in the document, and merging chosen ones into one action.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ideaTextSchema, mergeIdeas, readActions, readHiddenIdeaCount, readIdeas, writeHiddenIdeaCount, writeRevealedIdeas } from "~/domain/workspace";

describe("revealed ideas", () => {
  it("keep the order they were revealed in, across two reveals, and a repeated reveal doubles nothing", () => {
    const doc = new Y.Doc();
    writeRevealedIdeas(doc, [{ id: "z", text: "Drop-in" }, { id: "a", text: "Easy read" }]);
    writeRevealedIdeas(doc, [{ id: "a", text: "Easy read" }, { id: "m", text: "Bus passes" }]);
    expect(readIdeas(doc).map((i) => i.text)).toEqual(["Drop-in", "Easy read", "Bus passes"]);
    doc.getMap("ideas").set("bad", "not an idea");
    expect(readIdeas(doc)).toHaveLength(3);
  });

  it("merge into one action: its title is the given words or the first idea's, its description lists them all", () => {
    const doc = new Y.Doc();
    writeRevealedIdeas(doc, [{ id: "i1", text: "Drop-in" }, { id: "i2", text: "Easy read" }, { id: "i3", text: "Bus passes" }]);
    const id = mergeIdeas(doc, ["i1", "i2"], { title: "  Reach people  ", createdBy: "" });
    const action = readActions(doc).find((a) => a.id === id)!;
    expect(action.title).toBe("Reach people");
    expect(action.description).toBe("• Drop-in\n• Easy read");
    expect(readIdeas(doc).map((i) => i.id)).toEqual(["i3"]);
    const single = mergeIdeas(doc, ["i3"], { createdBy: "" });
    expect(readActions(doc).find((a) => a.id === single)).toMatchObject({ title: "Bus passes", description: "" });
    expect(mergeIdeas(doc, ["gone"], { createdBy: "" })).toBeNull();
  });

  it("the waiting count is a whole number the server keeps; an idea's words are checked with a message saying how to fix them", () => {
    const doc = new Y.Doc();
    expect(readHiddenIdeaCount(doc)).toBe(0);
    writeHiddenIdeaCount(doc, 4);
    expect(readHiddenIdeaCount(doc)).toBe(4);
    expect(ideaTextSchema.safeParse("  ").error?.issues[0]?.message).toBe("Write your idea first.");
    expect(ideaTextSchema.safeParse("x".repeat(501)).error?.issues[0]?.message).toMatch(/500 characters or fewer; split a long one/);
    expect(ideaTextSchema.parse("  A drop-in  ")).toBe("A drop-in");
  });
});
