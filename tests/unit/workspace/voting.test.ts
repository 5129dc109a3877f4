import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  castVote,
  clearVotes,
  createAction,
  readActions,
  readSession,
  readVoterNames,
  rememberVoterName,
  updateSession,
  visibleVotes,
  votesUsed,
} from "~/domain/workspace";

function votingBoard(votesPerPerson = 2) {
  const doc = new Y.Doc();
  const a = createAction(doc, { title: "A" });
  const b = createAction(doc, { title: "B" });
  updateSession(doc, { voting: { open: true, votesPerPerson, anonymous: true } });
  return { doc, a, b };
}

describe("dot voting", () => {
  it("refuses votes while voting is closed", () => {
    const doc = new Y.Doc();
    const a = createAction(doc, { title: "A" });
    expect(castVote(doc, a, "u:1", 1)).toBe("closed");
    expect(readActions(doc)[0]!.votes).toEqual({});
  });

  it("lets each person spend only their votes, and take one back to move it", () => {
    const { doc, a, b } = votingBoard(2);
    expect(castVote(doc, a, "u:1", 1)).toBeNull();
    expect(castVote(doc, a, "u:1", 1)).toBeNull();
    expect(castVote(doc, b, "u:1", 1)).toBe("no-votes-left");
    expect(castVote(doc, b, "u:2", 1)).toBeNull();
    expect(castVote(doc, b, "u:1", -1)).toBe("none-to-remove");
    expect(castVote(doc, a, "u:1", -1)).toBeNull();
    expect(castVote(doc, b, "u:1", 1)).toBeNull();
    expect(votesUsed(readActions(doc), "u:1")).toBe(2);
    expect(readActions(doc).map((x) => x.votes)).toEqual([{ "u:1": 1 }, { "u:2": 1, "u:1": 1 }]);
  });

  it("hides totals until revealed, and names unless anonymous", () => {
    const { doc, a } = votingBoard(3);
    castVote(doc, a, "u:1", 1);
    castVote(doc, a, "u:2", 1);
    castVote(doc, a, "u:2", 1);
    rememberVoterName(doc, "u:2", "Sam");
    const action = readActions(doc).find((x) => x.id === a)!;
    expect(visibleVotes(action, readSession(doc), "u:2", readVoterNames(doc))).toEqual({ mine: 2, total: null, voters: null });
    updateSession(doc, { voting: { open: false, votesPerPerson: 3, anonymous: true, revealed: true } });
    expect(visibleVotes(action, readSession(doc), "u:2", readVoterNames(doc))).toEqual({ mine: 2, total: 3, voters: null });
    updateSession(doc, { voting: { open: false, votesPerPerson: 3, anonymous: false, revealed: true } });
    expect(visibleVotes(action, readSession(doc), "u:9", readVoterNames(doc))).toEqual({ mine: 0, total: 3, voters: ["Someone", "Sam (2)"] });
  });

  it("a new round clears every vote", () => {
    const { doc, a, b } = votingBoard(3);
    castVote(doc, a, "u:1", 1);
    castVote(doc, b, "u:2", 1);
    clearVotes(doc);
    expect(readActions(doc).every((x) => Object.keys(x.votes).length === 0)).toBe(true);
  });
});

describe("session lock and reveal", () => {
  it("defaults to unlocked and hidden, and keeps revealed when other voting settings change", () => {
    const doc = new Y.Doc();
    expect(readSession(doc)).toMatchObject({ locked: false, voting: { revealed: false } });
    updateSession(doc, { locked: true, voting: { open: false, votesPerPerson: 3, anonymous: true, revealed: true } });
    updateSession(doc, { voting: { open: true, votesPerPerson: 5, anonymous: true } });
    expect(readSession(doc)).toMatchObject({ locked: true, voting: { open: true, votesPerPerson: 5, revealed: true } });
  });

  it("reports a lock that is not true or false", () => {
    const doc = new Y.Doc();
    doc.getMap("session").set("locked", "yes");
    expect(readSession(doc)).toMatchObject({ locked: false, valid: false });
  });
});
