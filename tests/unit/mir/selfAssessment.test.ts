// The self-assessment's rules as the group sees them: one rating per person, the facilitator's agreed rating
// wins, a split room reads as the more cautious rating, and movement against an earlier year.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addComment, groupRating, movement, openStage, readSelfAssessment, setConsensus, setEvidence, setRating } from "~/domain/workspace";

describe("the Making it Real self-assessment in the workshop document", () => {
  it("counts each person once: a second rating replaces the first", () => {
    const doc = new Y.Doc();
    openStage(doc, 2026);
    setRating(doc, "WF-I2", "a:sam", "doing-well");
    setRating(doc, "WF-I2", "a:sam", "not-yet");
    setRating(doc, "WF-I2", "a:pat", "getting-there");
    setRating(doc, "WF-I2", "a:lee", "not-yet");
    const s = readSelfAssessment(doc, ["WF-I2"]).statements["WF-I2"]!;
    expect(s.counts).toEqual({ "not-yet": 2, "getting-there": 1, "doing-well": 0 });
    expect(s.total).toBe(3);
    expect(s).toMatchObject({ rating: "not-yet", decidedBy: "votes" });
  });

  it("the facilitator's agreed rating decides; clearing it hands the decision back to the votes", () => {
    const doc = new Y.Doc();
    setRating(doc, "AC-I1", "a:sam", "not-yet");
    setConsensus(doc, "AC-I1", "getting-there");
    expect(readSelfAssessment(doc, ["AC-I1"]).statements["AC-I1"]).toMatchObject({ rating: "getting-there", decidedBy: "consensus" });
    setConsensus(doc, "AC-I1", null);
    expect(readSelfAssessment(doc, ["AC-I1"]).statements["AC-I1"]).toMatchObject({ rating: "not-yet", decidedBy: "votes" });
  });

  it("a tie goes to the less favourable rating; no ratings means no rating", () => {
    expect(groupRating({ "not-yet": 0, "getting-there": 2, "doing-well": 2 }, null)).toEqual({ rating: "getting-there", decidedBy: "votes" });
    expect(groupRating({ "not-yet": 0, "getting-there": 0, "doing-well": 0 }, null)).toEqual({ rating: null, decidedBy: null });
  });

  it("keeps evidence without repeats, comments in order, and skips values that break the rules", () => {
    const doc = new Y.Doc();
    setEvidence(doc, "WC-I6", "f1", true);
    setEvidence(doc, "WC-I6", "f1", true);
    setEvidence(doc, "WC-I6", "f2", true);
    setEvidence(doc, "WC-I6", "f1", false);
    addComment(doc, "WC-I6", { by: "Sam", text: "The helpline closes at 5", at: "2026-12-07T10:00:00.000Z" });
    const ratings = doc.getMap("selfAssessment").set("ratings", new Y.Map<Y.Map<unknown>>());
    ratings.set("WC-I6", new Y.Map());
    ratings.get("WC-I6")!.set("a:odd", "excellent");
    const s = readSelfAssessment(doc, ["WC-I6"]).statements["WC-I6"]!;
    expect(s.evidence).toEqual(["f2"]);
    expect(s.comments.map((c) => c.text)).toEqual(["The helpline closes at 5"]);
    expect(s.total).toBe(0);
  });

  it("says whether a rating moved up, down or stayed the same since an earlier year", () => {
    expect(movement("doing-well", "not-yet")).toBe("up");
    expect(movement("not-yet", "getting-there")).toBe("down");
    expect(movement("getting-there", "getting-there")).toBe("same");
    expect(movement("getting-there", null)).toBeNull();
  });
});
