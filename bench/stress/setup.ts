// The board before the attack, set up as a facilitator would on the real board: a few actions, the
// honest pair's notes, and a round of named votes cast through the vote route (so there are votes to forge).
import * as Y from "yjs";
import { createAction, noteFor, updateSession } from "~/domain/workspace";
import { ACTIONS_KEY, NOTES_KEY } from "~/domain/workspace/document";
import type { Visitor } from "../../tests/support/visitor";
import { HONEST_NOTES } from "./craft";
import { waitUntil, type HonestPeer } from "./honestPeer";

const VICTIMS = ["Budget letters in plain English", "Ask about feeling safe at every review", "Peer support for carers", "Easy-read guide to personal budgets"];
const VOTING = { votesPerPerson: 3, anonymous: false, revealed: false };

const hasVotes = (doc: Y.Doc) => [...doc.getMap<unknown>(ACTIONS_KEY).values()].some((m) => m instanceof Y.Map && m.get("votes") instanceof Y.Map && (m.get("votes") as Y.Map<number>).size > 0);

/** `observer` is another client: once it sees a change, the server has applied it. */
export async function prepareBoard(options: { admin: HonestPeer; observer: HonestPeer; voters: Visitor[]; workspaceId: string; facilitatorName: string; log: (line: string) => void }) {
  const { admin, observer } = options;
  for (const title of VICTIMS) createAction(admin.doc, { title, createdBy: options.facilitatorName });
  noteFor(admin.doc, HONEST_NOTES.a);
  noteFor(admin.doc, HONEST_NOTES.b);
  updateSession(admin.doc, { locked: false, focus: null, timer: null, voting: { open: true, ...VOTING } });
  await waitUntil(
    () => observer.doc.getMap(ACTIONS_KEY).size >= VICTIMS.length && observer.doc.getMap(NOTES_KEY).has(HONEST_NOTES.b) && observer.doc.getMap("session").get("voting") instanceof Y.Map,
    "the set-up to reach the server",
  );
  const actionIds = [...admin.doc.getMap(ACTIONS_KEY).keys()].sort();
  const votePath = `/w/${options.workspaceId}?index&_data=${encodeURIComponent("routes/w.$workspace._index")}`;
  for (const [index, voter] of options.voters.entries()) {
    for (const actionId of actionIds.slice(index % 2, (index % 2) + 2)) {
      const response = await voter.post(votePath, { intent: "vote", actionId, delta: "1" });
      if (response.status !== 200) options.log(`a set-up vote answered ${response.status}`);
    }
  }
  // Votes may live outside the document in a later design: wait a little for them, but go on without.
  await waitUntil(() => hasVotes(observer.doc), "votes in the document", 5000).catch(() =>
    options.log("no votes appeared in the document (they may be stored elsewhere); the vote-forging checks cover the document only"),
  );
  updateSession(admin.doc, { voting: { open: false, ...VOTING } });
  await waitUntil(() => (observer.doc.getMap("session").get("voting") as Y.Map<unknown>).get("open") === false, "voting to close");
}
