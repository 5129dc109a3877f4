// Document changes a hostile client makes on a copy of the document it synced, encoded as the update a
// real client would send. Each change is labelled with whether the rules allow it for a role.
import * as Y from "yjs";
import { ACTIONS_KEY, NOTES_KEY, SESSION_KEY } from "~/domain/workspace/document";
import type { Rng } from "./prng";

export type Role = "facilitator" | "member" | "guest" | "viewer";

/** The honest pair writes only these notes; no hostile change touches them (so their text stays exact). */
export const HONEST_NOTES = { a: "stress-honest-a", b: "stress-honest-b" } as const;
/** Hostile clients allowed to edit notes edit this one. */
const HOSTILE_NOTE = "stress-hostile-note";
export const FORGED_VOTER = "g:forged";
export const FORGER_NAME = "Forger";
/** Who the attacker's own new actions say created them. */
export const HOSTILE_CREATOR = "Hostile";

type Change = { name: string; apply: (doc: Y.Doc, rng: Rng) => boolean };

const actionsOf = (doc: Y.Doc) => doc.getMap<unknown>(ACTIONS_KEY);
const sessionOf = (doc: Y.Doc) => doc.getMap<unknown>(SESSION_KEY);

function actionIds(doc: Y.Doc, withVotes = false): string[] {
  const ids: string[] = [];
  actionsOf(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const votes = value.get("votes");
    if (!withVotes || (votes instanceof Y.Map && votes.size > 0)) ids.push(id);
  });
  return ids.sort();
}

function pickAction(doc: Y.Doc, rng: Rng, withVotes = false): Y.Map<unknown> | null {
  const ids = actionIds(doc, withVotes);
  const fallback = withVotes ? actionIds(doc) : ids;
  const list = ids.length ? ids : fallback;
  if (!list.length) return null;
  return actionsOf(doc).get(rng.pick(list)) as Y.Map<unknown>;
}

function forgedVotes(rng: Rng): Y.Map<number> {
  const votes = new Y.Map<number>();
  for (let i = 0; i < rng.int(1, 25); i++) votes.set(`${FORGED_VOTER}-${i}`, 25);
  return votes;
}

/** A whole action map like the app's createAction, with the identity and votes given. */
function actionMap(fields: { title: string; createdBy: string; createdAt: string; order: string; votes: Y.Map<number> }): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set("title", new Y.Text(fields.title));
  map.set("description", new Y.Text(""));
  map.set("status", "not-started");
  map.set("rag", "green");
  map.set("owner", "");
  map.set("partners", new Y.Array<string>());
  map.set("due", null);
  map.set("findingIds", new Y.Array<string>());
  map.set("mirIds", new Y.Array<string>());
  map.set("votes", fields.votes);
  map.set("order", fields.order);
  map.set("createdBy", fields.createdBy);
  map.set("createdAt", fields.createdAt);
  return map;
}

/** An action with forged votes and a forged author, as a hostile client would re-create one. */
export function forgedAction(rng: Rng, title: string, order: string): Y.Map<unknown> {
  return actionMap({ title, createdBy: FORGER_NAME, createdAt: new Date().toISOString(), order, votes: forgedVotes(rng) });
}

const str = (value: unknown) => (value instanceof Y.Text ? value.toString() : typeof value === "string" ? value : "");

/** Writes no role but a facilitator may make: the session at any depth, votes, another action's identity. */
export const FORBIDDEN_FOR_PARTICIPANTS: Change[] = [
  {
    name: "session.voting.open",
    apply: (doc) => {
      const voting = sessionOf(doc).get("voting");
      if (voting instanceof Y.Map) voting.set("open", !voting.get("open"));
      else sessionOf(doc).set("voting", new Y.Map(Object.entries({ open: true, votesPerPerson: 25, anonymous: false })));
      return true;
    },
  },
  {
    name: "session.voting.{votesPerPerson,revealed,anonymous}",
    apply: (doc, rng) => {
      const voting = sessionOf(doc).get("voting");
      if (!(voting instanceof Y.Map)) return false;
      voting.set("votesPerPerson", rng.int(26, 100));
      voting.set("revealed", true);
      voting.set("anonymous", false);
      return true;
    },
  },
  { name: "session.focus", apply: (doc, rng) => (sessionOf(doc).set("focus", `action:hijack-${rng.int(0, 999)}`), true) },
  {
    name: "session.timer",
    apply: (doc, rng) => (sessionOf(doc).set("timer", { endsAt: new Date(Date.now() + 60_000).toISOString(), durationSeconds: rng.int(1, 9999) }), true),
  },
  {
    name: "session.voterNames",
    apply: (doc, rng) => {
      const names = sessionOf(doc).get("voterNames");
      if (names instanceof Y.Map) names.set(`${FORGED_VOTER}-${rng.int(0, 99)}`, FORGER_NAME);
      else sessionOf(doc).set("voterNames", new Y.Map([[FORGED_VOTER, FORGER_NAME]]));
      return true;
    },
  },
  {
    name: "action.votes[entry]",
    apply: (doc, rng) => {
      const votes = pickAction(doc, rng, true)?.get("votes");
      if (!(votes instanceof Y.Map)) return false;
      votes.set(`${FORGED_VOTER}-${rng.int(0, 99)}`, rng.int(1, 1000));
      return true;
    },
  },
  {
    name: "action.votes[existing entry]",
    apply: (doc, rng) => {
      const votes = pickAction(doc, rng, true)?.get("votes");
      if (!(votes instanceof Y.Map) || votes.size === 0) return false;
      votes.set(rng.pick([...votes.keys()].sort()), 999);
      return true;
    },
  },
  {
    name: "action.votes replaced",
    apply: (doc, rng) => {
      const action = pickAction(doc, rng, true);
      if (!action) return false;
      action.set("votes", forgedVotes(rng));
      return true;
    },
  },
  {
    name: "action.votes cleared",
    apply: (doc, rng) => {
      const votes = pickAction(doc, rng, true)?.get("votes");
      if (!(votes instanceof Y.Map) || votes.size === 0) return false;
      votes.clear();
      return true;
    },
  },
  {
    name: "voted action deleted and recreated with forged votes",
    apply: (doc, rng) => {
      const action = pickAction(doc, rng, true);
      if (!action) return false;
      const id = [...actionsOf(doc).entries()].find(([, v]) => v === action)![0];
      actionsOf(doc).set(
        id,
        actionMap({ title: str(action.get("title")), createdBy: FORGER_NAME, createdAt: new Date().toISOString(), order: str(action.get("order")) || "a0", votes: forgedVotes(rng) }),
      );
      return true;
    },
  },
  {
    name: "action recreated under another action's id",
    apply: (doc, rng) => {
      const ids = actionIds(doc);
      if (ids.length < 2) return false;
      const target = rng.pick(ids);
      const other = actionsOf(doc).get(rng.pick(ids.filter((id) => id !== target))) as Y.Map<unknown>;
      actionsOf(doc).set(
        target,
        actionMap({ title: str(other.get("title")), createdBy: `${FORGER_NAME} as ${str(other.get("createdBy"))}`, createdAt: "2001-01-01T00:00:00.000Z", order: str(other.get("order")) || "a0", votes: new Y.Map() }),
      );
      return true;
    },
  },
  {
    name: "new action with forged votes",
    apply: (doc, rng) => {
      actionsOf(doc).set(`forged-${rng.int(0, 1e9)}`, actionMap({ title: "Forged", createdBy: FORGER_NAME, createdAt: new Date().toISOString(), order: "zz", votes: forgedVotes(rng) }));
      return true;
    },
  },
];

/** Writes a co-producer or guest may make (the board's own editing), which a viewer may not. */
export const EDITS: Change[] = [
  {
    name: "action title typed",
    apply: (doc, rng) => {
      const title = pickAction(doc, rng)?.get("title");
      if (!(title instanceof Y.Text)) return false;
      title.insert(title.length, rng.pick([" x", " !", " ok"]));
      return true;
    },
  },
  {
    name: "action status",
    apply: (doc, rng) => {
      const action = pickAction(doc, rng);
      if (!action) return false;
      action.set("status", rng.pick(["not-started", "in-progress", "blocked", "complete"]));
      return true;
    },
  },
  {
    name: "note typed",
    apply: (doc, rng) => {
      let note = doc.getMap<unknown>(NOTES_KEY).get(HOSTILE_NOTE);
      if (!(note instanceof Y.Text)) {
        note = new Y.Text();
        doc.getMap<unknown>(NOTES_KEY).set(HOSTILE_NOTE, note);
      }
      (note as Y.Text).insert(0, rng.pick(["n", "o", "t", "e"]));
      return true;
    },
  },
  {
    name: "new action",
    apply: (doc, rng) => {
      actionsOf(doc).set(`hostile-${rng.int(0, 1e9)}`, actionMap({ title: "Hostile idea", createdBy: HOSTILE_CREATOR, createdAt: new Date().toISOString(), order: "zy", votes: new Y.Map() }));
      return true;
    },
  },
];

/** Applies one change to a copy of `base` under a fresh client id; returns the update, or null if it had no target. */
export function craftUpdate(base: Y.Doc, change: Change, rng: Rng): Uint8Array | null {
  const scratch = new Y.Doc({ gc: false });
  scratch.clientID = rng.clientId();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(scratch);
    let applied = false;
    scratch.transact(() => {
      applied = change.apply(scratch, rng);
    });
    return applied ? Y.encodeStateAsUpdate(scratch, before) : null;
  } finally {
    scratch.destroy();
  }
}

export type { Change };
