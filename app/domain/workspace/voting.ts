// Dot voting: each person has a budget of votes to spread over actions while voting is open;
// totals stay hidden until the facilitator reveals them.
import * as Y from "yjs";
import { readActions, setVotes, totalVotes, type ActionView } from "./actions";
import { REMOVED_ACTIONS_KEY, REMOVED_VOTES_KEY, actionsOf, sessionOf } from "./document";
import { personNameSchema } from "./schema";
import { readSession, type SessionView } from "./session";

const VOTER_NAMES_KEY = "voterNames";

/** The key a person's votes are stored under in the current vote: opaque while voting is anonymous. */
export function voterKeyFor(me: { key: string; anonymousVoterKey: string }, session: Pick<SessionView, "voting">): string {
  return session.voting.anonymous ? me.anonymousVoterKey : me.key;
}

/** How many votes this participant has placed across the board. */
export function votesUsed(actions: readonly Pick<ActionView, "votes">[], participant: string): number {
  return actions.reduce((sum, action) => sum + (action.votes[participant] ?? 0), 0);
}

export type VoteRefusal = "closed" | "no-votes-left" | "none-to-remove";

/** Why a vote change is not allowed right now, or null when it is. */
export function voteRefusal(session: Pick<SessionView, "voting">, actions: readonly Pick<ActionView, "id" | "votes">[], actionId: string, participant: string, delta: 1 | -1): VoteRefusal | null {
  if (!session.voting.open) return "closed";
  const mine = actions.find((a) => a.id === actionId)?.votes[participant] ?? 0;
  if (delta < 0) return mine > 0 ? null : "none-to-remove";
  return votesUsed(actions, participant) >= session.voting.votesPerPerson ? "no-votes-left" : null;
}

export const VOTE_REFUSAL_TEXT: Record<VoteRefusal, string> = {
  closed: "Voting is not open.",
  "no-votes-left": "You have used all your votes. Take one back from another action first.",
  "none-to-remove": "You have no vote on this action to take back.",
};

/** Adds or takes back one vote, following the rules; returns the refusal instead of throwing. */
export function castVote(doc: Y.Doc, actionId: string, participant: string, delta: 1 | -1, origin?: unknown): VoteRefusal | null {
  const actions = readActions(doc);
  const refusal = voteRefusal(readSession(doc), actions, actionId, participant, delta);
  if (refusal) return refusal;
  const mine = actions.find((a) => a.id === actionId)?.votes[participant] ?? 0;
  setVotes(doc, actionId, participant, mine + delta, origin);
  return null;
}

/** Removes every vote on the board (a new round of voting). */
export function clearVotes(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => {
    actionsOf(doc).forEach((map) => {
      const votes = map instanceof Y.Map ? map.get("votes") : undefined;
      if (votes instanceof Y.Map) for (const key of [...votes.keys()]) votes.delete(key);
    });
  }, origin);
}

/** Remembers the name to show beside a participant's votes when voting is not anonymous. */
export function rememberVoterName(doc: Y.Doc, participant: string, name: string, origin?: unknown): void {
  const session = sessionOf(doc);
  let names = session.get(VOTER_NAMES_KEY);
  const clean = personNameSchema.parse(name);
  doc.transact(() => {
    if (!(names instanceof Y.Map)) {
      names = new Y.Map<string>();
      session.set(VOTER_NAMES_KEY, names);
    }
    if ((names as Y.Map<string>).get(participant) !== clean) (names as Y.Map<string>).set(participant, clean);
  }, origin);
}

/** participant → name, for the voters whose names were recorded (bad values skipped). */
export function readVoterNames(doc: Y.Doc): Record<string, string> {
  const names = sessionOf(doc).get(VOTER_NAMES_KEY);
  const result: Record<string, string> = {};
  if (names instanceof Y.Map) names.forEach((value, key) => typeof value === "string" && (result[key] = value));
  return result;
}

/** What one person may see of an action's votes right now. */
export type VisibleVotes = { mine: number; total: number | null; voters: string[] | null };

/** Totals appear only once revealed; names only when voting is not anonymous. */
export function visibleVotes(action: Pick<ActionView, "votes">, session: Pick<SessionView, "voting">, participant: string, names: Record<string, string>): VisibleVotes {
  const mine = action.votes[participant] ?? 0;
  if (!session.voting.revealed) return { mine, total: null, voters: null };
  const voters = session.voting.anonymous
    ? null
    : Object.entries(action.votes)
        .filter(([, count]) => count > 0)
        .map(([key, count]) => `${names[key] ?? "Someone"}${count > 1 ? ` (${count})` : ""}`);
  return { mine, total: totalVotes(action), voters };
}

/** The votes an action holds now (voter key → count), or {} when it has none or is not there. */
export function liveVotesOf(doc: Y.Doc, actionId: string): Record<string, number> {
  const map = actionsOf(doc).get(actionId);
  const votes = map instanceof Y.Map ? map.get("votes") : undefined;
  const out: Record<string, number> = {};
  if (votes instanceof Y.Map) for (const [key, count] of votes.entries()) if (typeof count === "number" && count > 0) out[key] = count;
  return out;
}

/** Who created an action and when: its identity, kept when it is removed (REMOVED_ACTIONS_KEY). */
export type ActionIdentity = { createdBy: string | null; createdAt: string | null };

const identityFrom = (get: (field: string) => unknown): ActionIdentity => {
  const text = (value: unknown) => (typeof value === "string" ? value : value instanceof Y.Text ? value.toString() : null);
  return { createdBy: text(get("createdBy")), createdAt: text(get("createdAt")) };
};

/** The identity of a live action, or null when it is not there. */
export function liveIdentityOf(doc: Y.Doc, actionId: string): ActionIdentity | null {
  const map = actionsOf(doc).get(actionId);
  return map instanceof Y.Map ? identityFrom((field) => map.get(field)) : null;
}

/** The identity a removed action had (server-written), or null when no action of that id was removed. */
export function removedIdentityOf(doc: Y.Doc, actionId: string): ActionIdentity | null {
  const value = doc.getMap<unknown>(REMOVED_ACTIONS_KEY).get(actionId);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  return identityFrom((field) => (value as Record<string, unknown>)[field]);
}

/** Server side, in the transaction that removes actions: remembers each one's identity. */
export function recordRemovedIdentities(doc: Y.Doc, removed: ReadonlyMap<string, ActionIdentity>): void {
  const record = doc.getMap<unknown>(REMOVED_ACTIONS_KEY);
  for (const [actionId, identity] of removed) record.set(actionId, { createdBy: identity.createdBy, createdAt: identity.createdAt });
}

/** The votes an action held when it was last removed (server-written, see REMOVED_VOTES_KEY). */
export function removedVotesOf(doc: Y.Doc, actionId: string): Record<string, number> {
  const value = doc.getMap<unknown>(REMOVED_VOTES_KEY).get(actionId);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === "number"));
}

/**
 * Server side, in the transaction that removes actions: remembers what votes each held (or forgets an old
 * record when it held none), so an undo can restore exactly those and no other.
 */
export function recordRemovedVotes(doc: Y.Doc, removed: ReadonlyMap<string, Record<string, number>>): void {
  const record = doc.getMap<unknown>(REMOVED_VOTES_KEY);
  for (const [actionId, votes] of removed) {
    if (Object.keys(votes).length > 0) record.set(actionId, votes);
    else if (record.has(actionId)) record.delete(actionId);
  }
}
