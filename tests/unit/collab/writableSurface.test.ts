// The document's writable surface, path by path and role by role, and the server's check of real updates
// against it: every place in a workspace document × every role, then every kind of edit × every role.
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  DOCUMENT_PLACES,
  DOCUMENT_ROLES,
  WRITABLE_SURFACE,
  createAction,
  deleteAction,
  noteFor,
  mergeIdeas,
  setPriorities,
  setVotes,
  writeHiddenIdeaCount,
  writeRevealedIdeas,
  updateAction,
  updateSession,
  mayWrite,
  type DocumentRole,
  addComment,
  finishStage,
  openStage,
  setConsensus,
  setEvidence,
  setRating,
} from "~/domain/workspace";
import { actionsOf, readActions, recordRemovedIdentities, recordRemovedVotes, removedVotesOf } from "~/domain/workspace";
import { LOCAL_EDIT } from "~/collab/origins";
import { createBoardUndo } from "~/collab/useUndo";
import { checkUpdate } from "../../../server/collab/sessionGuard";

type Expect = { facilitator: string; member: string; guest: string; viewer: string };
// c = create, r = replace, x = remove, v = remove an action that holds votes, u = restore a vote as the server
// recorded it (undo of removing a voted action); "" = nothing. Participants are members and guests alike.
const p = (facilitator: string, participant: string): Expect => ({ facilitator, member: participant, guest: participant, viewer: "" });
const EXPECTED: Record<(typeof DOCUMENT_PLACES)[number], Expect> = {
  "actions.a1": p("cxv", "cx"),
  "actions.a1.title": p("crx", "crx"),
  "actions.a1.title.#": p("cx", "cx"),
  "actions.a1.description": p("crx", "crx"),
  "actions.a1.description.#": p("cx", "cx"),
  "actions.a1.partners": p("crx", "crx"),
  "actions.a1.partners.#": p("cx", "cx"),
  "actions.a1.findingIds": p("crx", "crx"),
  "actions.a1.findingIds.#": p("cx", "cx"),
  "actions.a1.mirIds": p("crx", "crx"),
  "actions.a1.mirIds.#": p("cx", "cx"),
  "actions.a1.status": p("crx", "crx"),
  "actions.a1.rag": p("crx", "crx"),
  "actions.a1.owner": p("crx", "crx"),
  "actions.a1.ownerId": p("crx", "crx"),
  "actions.a1.due": p("crx", "crx"),
  "actions.a1.order": p("crx", "crx"),
  "actions.a1.createdBy": p("c", "c"),
  "actions.a1.createdAt": p("c", "c"),
  "actions.a1.recordedBy": p("c", "c"),
  "actions.a1.votes": p("c", "c"),
  "actions.a1.votes.u:pat": p("xu", ""),
  "notes.f1": p("cx", "cx"),
  "notes.f1.#": p("cx", "cx"),
  "session.focus": p("crx", ""),
  "session.timer": p("crx", ""),
  "session.locked": p("crx", ""),
  "session.voting": p("crx", ""),
  "session.voting.open": p("crx", ""),
  "session.voting.votesPerPerson": p("crx", ""),
  "session.voting.anonymous": p("crx", ""),
  "session.voting.revealed": p("crx", ""),
  "session.voterNames": p("", ""),
  "session.voterNames.u:pat": p("", ""),
  "removedVotes.a1": p("", ""),
  "removedActions.a1": p("", ""),
  // The Making it Real self-assessment is written by the server only (ADR 021): nobody's browser writes there.
  "selfAssessment.stage": p("", ""),
  "selfAssessment.result": p("", ""),
  "selfAssessment.ratings": p("", ""),
  "selfAssessment.ratings.WF-I2": p("", ""),
  "selfAssessment.ratings.WF-I2.a:pat": p("", ""),
  "selfAssessment.consensus": p("", ""),
  "selfAssessment.consensus.WF-I2": p("", ""),
  "selfAssessment.evidence": p("", ""),
  "selfAssessment.evidence.WF-I2": p("", ""),
  "selfAssessment.comments": p("", ""),
  "selfAssessment.comments.WF-I2": p("", ""),
  "selfAssessment.comments.WF-I2.#": p("", ""),
  "session.priorities": p("crx", ""),
  "session.priorities.a1": p("crx", ""),
  "session.hiddenIdeas": p("", ""),
  "ideas.i1": p("x", ""),
};

describe("the writable surface as data", () => {
  const letters = { create: "c", replace: "r", remove: "x", removeVoted: "v", restore: "u" } as const;
  for (const place of DOCUMENT_PLACES) {
    for (const role of DOCUMENT_ROLES) {
      it(`${role} at ${place}: ${EXPECTED[place][role] || "nothing"}`, () => {
        const allowed = (["create", "replace", "remove", "removeVoted", "restore"] as const).filter((kind) => mayWrite(WRITABLE_SURFACE[role], place.split("."), kind)).map((kind) => letters[kind]).join("");
        expect(allowed).toBe(EXPECTED[place][role]);
      });
    }
  }

  it("refuses places the document does not have, at any depth", () => {
    for (const role of DOCUMENT_ROLES) {
      for (const path of ["evil.x", "actions.a1.hack", "actions.a1.title.x", "session.voting.open.x", "notes.f1.#.x", "session", "actions"]) {
        for (const kind of ["create", "replace", "remove", "removeVoted", "restore"] as const) expect(mayWrite(WRITABLE_SURFACE[role], path.split("."), kind), `${role} ${kind} ${path}`).toBe(false);
      }
    }
  });
});

/** The server's copy: one voted action, a note, an open vote. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  createAction(doc, { id: "a1", title: "Budget letters" });
  createAction(doc, { id: "a2", title: "Peer support" });
  setVotes(doc, "a1", "u:fran", 2);
  noteFor(doc, "f1").insert(0, "We heard this");
  openStage(doc, 2026);
  setRating(doc, "WF-I1", "a:fran", "not-yet");
  updateSession(doc, { voting: { open: false, votesPerPerson: 3, anonymous: true, revealed: false } });
  setPriorities(doc, ["a2"]);
  writeRevealedIdeas(doc, [{ id: "i1", text: "Easy-read letters" }, { id: "i2", text: "Letters in plain words" }]);
  writeHiddenIdeaCount(doc, 2);
  return doc;
}

/** The update a client copy of the server's document sends for an edit. */
function updateFor(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

const actionMap = (doc: Y.Doc, id: string) => doc.getMap("actions").get(id) as Y.Map<unknown>;
const votingMap = (doc: Y.Doc) => doc.getMap("session").get("voting") as Y.Map<unknown>;

// Every kind of edit, and which roles may make it ("F" facilitator, "P" member and guest).
const EDITS: Array<[string, string, (doc: Y.Doc) => void]> = [
  ["types in an action's title", "FP", (d) => (actionMap(d, "a1").get("title") as Y.Text).insert(0, "New ")],
  ["changes an action's status", "FP", (d) => updateAction(d, "a1", { status: "in-progress" })],
  ["adds a partner", "FP", (d) => (actionMap(d, "a1").get("partners") as Y.Array<string>).push(["Age UK"])],
  ["creates an action", "FP", (d) => void createAction(d, { id: "a3", title: "Drop-in" })],
  ["deletes an action without votes", "FP", (d) => deleteAction(d, "a2")],
  ["types in a note", "FP", (d) => (d.getMap("notes").get("f1") as Y.Text).insert(0, "Also: ")],
  ["starts a note", "FP", (d) => void noteFor(d, "f2")],
  ["moves the focus", "F", (d) => updateSession(d, { focus: "action:a1" })],
  ["locks the board", "F", (d) => updateSession(d, { locked: true })],
  ["opens voting through the nested voting map", "F", (d) => votingMap(d).set("open", true)],
  ["sets 25 votes each through the nested voting map", "F", (d) => votingMap(d).set("votesPerPerson", 25)],
  ["reveals and de-anonymises the vote", "F", (d) => (votingMap(d).set("revealed", true), votingMap(d).set("anonymous", false))],
  ["clears someone's votes", "F", (d) => (actionMap(d, "a1").get("votes") as Y.Map<number>).delete("u:fran")],
  ["marks the plan's first priority", "F", (d) => setPriorities(d, ["a1"])],
  ["unmarks a priority", "F", (d) => setPriorities(d, [])],
  ["writes a priority straight into the priorities map", "F", (d) => (d.getMap("session").get("priorities") as Y.Map<number>).set("a1", 2)],
  ["merges two revealed ideas into one action", "F", (d) => void mergeIdeas(d, ["i1", "i2"], { createdBy: "Fran" })],
  ["removes a revealed idea", "F", (d) => d.getMap("ideas").delete("i1")],
  ["rewrites a revealed idea", "", (d) => d.getMap("ideas").set("i1", { text: "Something else", n: 0 })],
  ["writes an idea into the document (unrevealed ideas stay on the server)", "", (d) => writeRevealedIdeas(d, [{ id: "i9", text: "Mine" }])],
  ["changes the count of hidden ideas", "", (d) => writeHiddenIdeaCount(d, 0)],
  ["writes a vote", "", (d) => setVotes(d, "a2", "u:pat", 5)],
  ["replaces an action's votes map", "", (d) => actionMap(d, "a1").set("votes", new Y.Map())],
  ["removes an action's votes map", "", (d) => actionMap(d, "a1").delete("votes")],
  ["writes a voter's name", "", (d) => d.getMap("session").set("voterNames", new Y.Map())],
  ["re-creates a deleted voted action under its id with forged votes", "", (d) => {
    deleteAction(d, "a1");
    createAction(d, { id: "a1", title: "Budget letters" });
    setVotes(d, "a1", "u:pat", 25);
  }],
  ["replaces a live action under its id", "", (d) => void createAction(d, { id: "a2", title: "Not peer support" })],
  ["adds a field actions do not have", "", (d) => actionMap(d, "a1").set("hack", "x")],
  ["writes a nested map into an action", "", (d) => actionMap(d, "a1").set("extra", new Y.Map())],
  ["writes a root the document does not have", "", (d) => d.getMap("evil").set("x", 1)],
  ["changes who created an action", "", (d) => actionMap(d, "a1").set("createdBy", "Someone else")],
  // The Making it Real self-assessment goes through the server only (ADR 021), facilitators included.
  ["rates a Making it Real statement itself", "", (d) => setRating(d, "WF-I2", "a:pat", "doing-well")],
  ["changes someone else's rating", "", (d) => ((d.getMap("selfAssessment").get("ratings") as Y.Map<Y.Map<string>>).get("WF-I1") as Y.Map<string>).set("a:fran", "doing-well")],
  ["sets the group's agreed rating itself", "", (d) => setConsensus(d, "WF-I2", "doing-well")],
  ["opens the self-assessment itself", "", (d) => openStage(d, 2027)],
  ["writes a saved result itself", "", (d) => finishStage(d, { year: 2026, finishedAt: new Date().toISOString(), ratings: { "WF-I2": { rating: "doing-well", decidedBy: "consensus" } } })],
  ["links evidence itself", "", (d) => setEvidence(d, "WF-I2", "f1", true)],
  ["adds a comment itself", "", (d) => addComment(d, "WF-I2", { by: "Pat", text: "Forged", at: new Date().toISOString() })],
];

describe("the server's check of real updates", () => {
  const letterOf: Record<DocumentRole, string> = { facilitator: "F", member: "P", guest: "P", viewer: "V" };
  for (const [name, who, edit] of EDITS) {
    for (const role of DOCUMENT_ROLES) {
      const allowed = who.includes(letterOf[role]);
      it(`a ${role} who ${name}: ${allowed ? "allowed" : "refused"}`, () => {
        const server = serverDoc();
        const verdict = checkUpdate(server, updateFor(server, edit), role, WRITABLE_SURFACE);
        expect(verdict.allowed).toBe(allowed);
        if (!verdict.allowed) expect(verdict.why).toBe("forbidden");
      });
    }
  }

  it("deleting a voted action: a facilitator may (its votes go with it); a participant is refused, as no offence", () => {
    const server = serverDoc();
    const edit = updateFor(server, (d) => deleteAction(d, "a1"));
    expect(checkUpdate(server, edit, "facilitator", WRITABLE_SURFACE)).toMatchObject({ allowed: true, removedActions: new Map([["a1", { "u:fran": 2 }]]) });
    for (const role of ["member", "guest"] as const) {
      expect(checkUpdate(server, edit, role, WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "votes", reason: expect.stringMatching(/has votes from the room, so only a facilitator can remove it/) });
    }
    expect(checkUpdate(server, edit, "viewer", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "forbidden" });
  });

  it("while locked, a participant deleting a voted action is told about the lock", () => {
    const server = serverDoc();
    updateSession(server, { locked: true });
    expect(checkUpdate(server, updateFor(server, (d) => deleteAction(d, "a1")), "guest", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "locked" });
  });
});

/** Applies what the server applies for an allowed update: the update and the record of removed votes. */
function applyAsServer(server: Y.Doc, update: Uint8Array, role: DocumentRole) {
  const verdict = checkUpdate(server, update, role, WRITABLE_SURFACE);
  if (!verdict.allowed) return verdict;
  server.transact(() => {
    Y.applyUpdate(server, update);
    if (verdict.removedActions) recordRemovedVotes(server, verdict.removedActions);
    if (verdict.removedIdentities) recordRemovedIdentities(server, verdict.removedIdentities);
  });
  return verdict;
}

describe("an action's id is its identity", () => {
  /** A copy of the server's document made before the removal, as a second socket of the same person holds. */
  const copyOf = (server: Y.Doc) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    return doc;
  };

  it("another action put under a removed action's id is refused for every role, even when it arrives after the removal", () => {
    for (const role of ["member", "guest", "facilitator"] as const) {
      const server = serverDoc();
      const stale = copyOf(server); // built before the removal, sent after it (two sockets racing)
      expect(applyAsServer(server, updateFor(server, (d) => actionsOf(d).delete("a2")), role)).toMatchObject({ allowed: true });
      const before = Y.encodeStateVector(stale);
      createAction(stale, { id: "a2", title: "Peer support", createdBy: "Forger as Ada" });
      const verdict = checkUpdate(server, Y.encodeStateAsUpdate(stale, before), role, WRITABLE_SURFACE);
      expect(verdict).toMatchObject({ allowed: false, why: "forbidden" });
      expect(readActions(server).map((a) => a.id)).toEqual(["a1"]);
    }
  });

  it("a participant's undo of removing an action (no votes) brings it back: same identity", () => {
    const server = serverDoc();
    const pat = copyOf(server);
    const { undo } = createBoardUndo(pat);
    let sent = Y.encodeStateVector(pat);
    const send = () => {
      const update = Y.encodeStateAsUpdate(pat, sent);
      sent = Y.encodeStateVector(pat);
      return update;
    };
    const identity = readActions(server).find((a) => a.id === "a2")!;
    pat.transact(() => actionsOf(pat).delete("a2"), LOCAL_EDIT);
    expect(applyAsServer(server, send(), "guest")).toMatchObject({ allowed: true });
    undo.undo();
    expect(applyAsServer(server, send(), "guest")).toMatchObject({ allowed: true });
    expect(readActions(server).find((a) => a.id === "a2")).toMatchObject({ title: "Peer support", createdBy: identity.createdBy, createdAt: identity.createdAt });
  });
});

describe("undo of deleting a voted action (ADR 023)", () => {
  /** A browser copy with the board's undo, following the server. */
  function browser(server: Y.Doc) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const { undo } = createBoardUndo(doc);
    let sent = Y.encodeStateVector(doc);
    const send = () => {
      const update = Y.encodeStateAsUpdate(doc, sent);
      sent = Y.encodeStateVector(doc);
      return update;
    };
    return { doc, undo, send };
  }

  it("a facilitator's undo brings the action back with exactly its votes, whatever the vote's state", () => {
    for (const voting of [{ open: true, revealed: false }, { open: false, revealed: true }]) {
      const server = serverDoc();
      updateSession(server, { voting: { open: voting.open, votesPerPerson: 3, anonymous: true, revealed: voting.revealed } });
      setVotes(server, "a1", "a:kim", 1);
      const fran = browser(server);
      deleteAction(fran.doc, "a1", LOCAL_EDIT);
      expect(applyAsServer(server, fran.send(), "facilitator")).toMatchObject({ allowed: true });
      expect(readActions(server).map((a) => a.id)).toEqual(["a2"]);
      expect(removedVotesOf(server, "a1")).toEqual({ "u:fran": 2, "a:kim": 1 });
      fran.undo.undo();
      const restored = applyAsServer(server, fran.send(), "facilitator");
      expect(restored).toMatchObject({ allowed: true });
      const back = readActions(server).find((a) => a.id === "a1");
      expect(back).toMatchObject({ title: "Budget letters", votes: { "u:fran": 2, "a:kim": 1 } });
    }
  });

  it("the facilitator's undo is a facilitator's: the board lock does not stop it", () => {
    const server = serverDoc();
    const fran = browser(server);
    deleteAction(fran.doc, "a1", LOCAL_EDIT);
    applyAsServer(server, fran.send(), "facilitator");
    updateSession(server, { locked: true });
    fran.undo.undo();
    expect(applyAsServer(server, fran.send(), "facilitator")).toMatchObject({ allowed: true });
    expect(readActions(server).find((a) => a.id === "a1")?.votes).toEqual({ "u:fran": 2 });
  });

  it("bringing an action back with votes other than those it had is forging, facilitators included", () => {
    const server = serverDoc();
    const fran = browser(server);
    const identity = readActions(server).find((a) => a.id === "a1")!;
    deleteAction(fran.doc, "a1", LOCAL_EDIT);
    applyAsServer(server, fran.send(), "facilitator");
    const forged = updateFor(server, (d) => {
      createAction(d, { id: "a1", title: "Budget letters" });
      setVotes(d, "a1", "u:fran", 3);
    });
    for (const role of DOCUMENT_ROLES) expect(checkUpdate(server, forged, role, WRITABLE_SURFACE), role).toMatchObject({ allowed: false, why: "forbidden" });
    const extra = updateFor(server, (d) => {
      createAction(d, { id: "a1", title: "Budget letters" });
      setVotes(d, "a1", "u:fran", 2);
      setVotes(d, "a1", "u:pat", 1);
    });
    expect(checkUpdate(server, extra, "facilitator", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "forbidden" });
    // The exact recorded votes restore only with the action itself coming back, never into a live one.
    const into = updateFor(server, (d) => void createAction(d, { id: "a1", title: "Budget letters", createdBy: identity.createdBy, createdAt: identity.createdAt }));
    applyAsServer(server, into, "facilitator");
    expect(checkUpdate(server, updateFor(server, (d) => setVotes(d, "a1", "u:fran", 2)), "facilitator", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "forbidden" });
  });

  it("a participant's undo of creating an action others have voted on is refused as no offence", () => {
    const server = serverDoc();
    const pat = browser(server);
    createAction(pat.doc, { id: "a9", title: "Drop-in" }, LOCAL_EDIT);
    applyAsServer(server, pat.send(), "guest");
    setVotes(server, "a9", "a:kim", 1);
    Y.applyUpdate(pat.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(pat.doc)));
    pat.undo.undo();
    expect(applyAsServer(server, pat.send(), "guest")).toMatchObject({ allowed: false, why: "votes" });
  });

  it("removing an action without votes forgets an older record, so it cannot be brought back with stale votes", () => {
    const server = serverDoc();
    const fran = browser(server);
    deleteAction(fran.doc, "a1", LOCAL_EDIT);
    applyAsServer(server, fran.send(), "facilitator");
    fran.undo.undo();
    applyAsServer(server, fran.send(), "facilitator");
    expect(removedVotesOf(server, "a1")).toEqual({ "u:fran": 2 });
    server.transact(() => ((server.getMap("actions").get("a1") as Y.Map<unknown>).get("votes") as Y.Map<number>).delete("u:fran"));
    deleteAction(fran.doc, "a1", LOCAL_EDIT); // fran's copy still shows the vote; the server's has none
    Y.applyUpdate(fran.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(fran.doc)));
    applyAsServer(server, fran.send(), "facilitator");
    expect(removedVotesOf(server, "a1")).toEqual({});
  });

  it("while the board is locked a participant's edit is refused as locked; a facilitator's is not", () => {
    const server = serverDoc();
    updateSession(server, { locked: true });
    const edit = updateFor(server, (d) => (actionMap(d, "a1").get("title") as Y.Text).insert(0, "x"));
    expect(checkUpdate(server, edit, "guest", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "locked", reason: expect.stringMatching(/facilitator has paused editing/) });
    expect(checkUpdate(server, edit, "facilitator", WRITABLE_SURFACE)).toEqual({ allowed: true });
  });

  it("the tail of a struct the server partly holds counts as a write (typing on into a locked board)", () => {
    const server = serverDoc();
    const guest = new Y.Doc();
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(server));
    const title = () => actionMap(guest, "a1").get("title") as Y.Text;
    const sv = Y.encodeStateVector(guest);
    title().insert(0, "a");
    Y.applyUpdate(server, Y.encodeStateAsUpdate(guest, sv));
    updateSession(server, { locked: true });
    title().insert(1, "b"); // merged with "a" into one struct the server holds only the head of
    const both = Y.encodeStateAsUpdate(guest, sv);
    expect(checkUpdate(server, both, "guest", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "locked" });
  });

  it("a change that starts past the server's clock for its client is refused, not left to land later unchecked", () => {
    const server = serverDoc();
    const guest = new Y.Doc();
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(server));
    noteFor(guest, "f3"); // never sent
    const sv = Y.encodeStateVector(guest);
    guest.getMap("notes").set("f4", new Y.Text("later"));
    expect(checkUpdate(server, Y.encodeStateAsUpdate(guest, sv), "guest", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "unresolved" });
  });

  it("deleting what the server has not seen yet (someone's next change) is refused", () => {
    const server = serverDoc();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // one client in the delete set: the server's own writer here
    encoding.writeVarUint(encoder, server.clientID);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, Y.getState(server.store, server.clientID));
    encoding.writeVarUint(encoder, 50);
    expect(checkUpdate(server, encoding.toUint8Array(encoder), "guest", WRITABLE_SURFACE)).toMatchObject({ allowed: false, why: "unresolved" });
  });

  it("a malformed update is the sender's fault: a ProtocolError, never a crash", () => {
    expect(() => checkUpdate(serverDoc(), new Uint8Array([0x04, 0x05, 0xff, 0xff, 0xff]), "guest", WRITABLE_SURFACE)).toThrow(/malformed update/);
  });
});
