// Who may write where in a workspace document: the allow-list the collaboration server enforces on every
// decoded update, at any depth. A path names a place in the document from its root: map keys, `*` for any
// key, `#` for a position in a list or text. Anything not listed here is refused — a new nested map
// cannot slip through, because nothing under it is listed. Votes and voters' names are written only by the
// server (app/services/voting.server.ts); no browser role may add one.
import { ACTIONS_KEY, NOTES_KEY, SESSION_KEY } from "./document";
import { IDEAS_KEY } from "./ideas";

/** The self-assessment's places (server-written only; see DOCUMENT_PLACES). */
const SELF_ASSESSMENT_PLACES = [
  "selfAssessment.stage",
  "selfAssessment.result",
  "selfAssessment.ratings",
  "selfAssessment.ratings.WF-I2",
  "selfAssessment.ratings.WF-I2.a:pat",
  "selfAssessment.consensus",
  "selfAssessment.consensus.WF-I2",
  "selfAssessment.evidence",
  "selfAssessment.evidence.WF-I2",
  "selfAssessment.comments",
  "selfAssessment.comments.WF-I2",
  "selfAssessment.comments.WF-I2.#",
] as const;

/** The roles a socket can have, from the authenticated person (server/collab/sessionGuard.ts maps them). */
export const DOCUMENT_ROLES = ["facilitator", "member", "guest", "viewer"] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/**
 * What an update does at a path. `create`: puts a value where none is live (a new action, a first note, text
 * typed into a title). `replace`: overwrites a live value (a new status). `remove`: deletes one.
 * Two kinds only votes have (ADR 023): `removeVoted` removes an action that holds votes (they go with it);
 * `restore` puts back a vote exactly as the server recorded it when its action was removed, as part of
 * bringing that action back (an undo) — anything else written into a votes map is a `create`.
 */
export type WriteKind = "create" | "replace" | "remove" | "removeVoted" | "restore";
export type SurfaceRule = { path: string; can: readonly WriteKind[] };

const WRITE: readonly WriteKind[] = ["create", "replace", "remove"];
const CREATE_OR_REMOVE: readonly WriteKind[] = ["create", "remove"];
/** Only as part of a new action (nothing is live there yet); removed only with the whole action. */
const CREATE_ONLY: readonly WriteKind[] = ["create"];

const a = (rest: string) => `${ACTIONS_KEY}.*.${rest}`;
const withText = (path: string, can: readonly WriteKind[] = WRITE): SurfaceRule[] => [
  { path, can },
  { path: `${path}.#`, can: CREATE_OR_REMOVE },
];

/**
 * Participants (co-producers and guests) write actions and notes. An action's id is its identity: a new action
 * may take a free id, never replace a live one; its votes map may only arrive empty with it (`votes.*` is
 * nobody's), so deleting a voted action and re-creating it with forged votes is refused. An action that holds
 * votes is the room's: only a facilitator removes it (`removeVoted`) or brings it back with them (`restore`).
 */
const PARTICIPANT: SurfaceRule[] = [
  { path: `${ACTIONS_KEY}.*`, can: CREATE_OR_REMOVE },
  ...withText(a("title")),
  ...withText(a("description")),
  { path: a("status"), can: WRITE },
  { path: a("rag"), can: WRITE },
  { path: a("owner"), can: WRITE },
  { path: a("ownerId"), can: WRITE },
  ...withText(a("partners")),
  { path: a("due"), can: WRITE },
  ...withText(a("findingIds")),
  ...withText(a("mirIds")),
  { path: a("order"), can: WRITE },
  { path: a("createdBy"), can: CREATE_ONLY },
  { path: a("createdAt"), can: CREATE_ONLY },
  { path: a("recordedBy"), can: CREATE_ONLY },
  { path: a("votes"), can: CREATE_ONLY },
  ...withText(`${NOTES_KEY}.*`, CREATE_OR_REMOVE),
];

/** Facilitators also run the session (focus, timer, voting rules, the lock) and clear votes for a new round. */
const FACILITATOR: SurfaceRule[] = [
  ...PARTICIPANT,
  { path: `${SESSION_KEY}.focus`, can: WRITE },
  { path: `${SESSION_KEY}.timer`, can: WRITE },
  { path: `${SESSION_KEY}.locked`, can: WRITE },
  { path: `${SESSION_KEY}.voting`, can: WRITE },
  { path: `${SESSION_KEY}.voting.open`, can: WRITE },
  { path: `${SESSION_KEY}.voting.votesPerPerson`, can: WRITE },
  { path: `${SESSION_KEY}.voting.anonymous`, can: WRITE },
  { path: `${SESSION_KEY}.voting.revealed`, can: WRITE },
  { path: `${ACTIONS_KEY}.*`, can: ["removeVoted"] },
  { path: a("votes.*"), can: ["remove", "restore"] },
  // The plan's priorities (ranking.ts): action id → rank, marked by facilitators only.
  { path: `${SESSION_KEY}.priorities`, can: WRITE },
  { path: `${SESSION_KEY}.priorities.*`, can: WRITE },
  // Revealed ideas (ideas.ts) are written by the server; a facilitator removes them when merging into an action.
  { path: `${IDEAS_KEY}.*`, can: ["remove"] },
];

/** The allow-list, per role. Viewers write nothing. */
export const WRITABLE_SURFACE: Readonly<Record<DocumentRole, readonly SurfaceRule[]>> = {
  facilitator: FACILITATOR,
  member: PARTICIPANT,
  guest: PARTICIPANT,
  viewer: [],
};

/**
 * Every place a workspace document has, as a concrete example path (ids stand in for `*`), for tests and
 * for anyone asking "who can write X?". Written by the server only: `session.voterNames.*`, votes,
 * `removedVotes.*` (what a removed action's votes were), `removedActions.*` (who created it and when), and the
 * whole Making it Real self-assessment (`selfAssessment.*`: ratings, consensus, evidence, comments, stage and
 * saved result go through app/services/selfAssessment.server.ts, ADR 021) — so nothing here lists them.
 */
export const DOCUMENT_PLACES = [
  "actions.a1",
  ...["title", "description", "partners", "findingIds", "mirIds"].flatMap((f) => [`actions.a1.${f}`, `actions.a1.${f}.#`]),
  ...["status", "rag", "owner", "ownerId", "due", "order", "createdBy", "createdAt", "recordedBy", "votes"].map((f) => `actions.a1.${f}`),
  "actions.a1.votes.u:pat",
  "notes.f1",
  "notes.f1.#",
  "session.focus",
  "session.timer",
  "session.locked",
  "session.voting",
  "session.voting.open",
  "session.voting.votesPerPerson",
  "session.voting.anonymous",
  "session.voting.revealed",
  "session.voterNames",
  "session.voterNames.u:pat",
  "removedVotes.a1",
  "removedActions.a1",
  ...SELF_ASSESSMENT_PLACES,
  "session.priorities",
  "session.priorities.a1",
  "session.hiddenIdeas",
  "ideas.i1",
] as const;

/** Rule paths split into segments, once each: the server checks every write of every edit against them. */
const splitPatterns = new Map<string, readonly string[]>();

function matches(pattern: string, path: readonly string[]): boolean {
  let parts = splitPatterns.get(pattern);
  if (!parts) splitPatterns.set(pattern, (parts = pattern.split(".")));
  if (parts.length !== path.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === "*" ? path[i] === "#" : part !== path[i]) return false;
  }
  return true;
}

/** Each rule list's rules by the first segment they can match (a `*` first segment matches any), built once per list and segment. */
const rulesByRoot = new WeakMap<readonly SurfaceRule[], Map<string, readonly SurfaceRule[]>>();

function rulesUnder(rules: readonly SurfaceRule[], root: string): readonly SurfaceRule[] {
  let byRoot = rulesByRoot.get(rules);
  if (!byRoot) rulesByRoot.set(rules, (byRoot = new Map()));
  let under = byRoot.get(root);
  if (!under) {
    under = rules.filter((rule) => {
      const first = rule.path.split(".", 1)[0];
      return first === root || first === "*";
    });
    // A path that names no rule's root is refused anyway; not remembering it keeps the map to the rules' own roots.
    if (under.length > 0) byRoot.set(root, under);
  }
  return under;
}

/** Whether `role` may do `kind` at `path` (segments from the root; `#` = a position in a list or text). */
export function mayWrite(rules: readonly SurfaceRule[], path: readonly string[], kind: WriteKind): boolean {
  if (path.length === 0) return rules.some((rule) => rule.can.includes(kind) && matches(rule.path, path));
  return rulesUnder(rules, path[0]!).some((rule) => rule.can.includes(kind) && matches(rule.path, path));
}

/** A surface with extra paths every editing role may write (the collaboration tests' scratch text `body`). */
export function withExtraWritable(surface: Readonly<Record<DocumentRole, readonly SurfaceRule[]>>, extra: readonly SurfaceRule[]) {
  const add = (role: DocumentRole) => (role === "viewer" ? surface[role] : [...surface[role], ...extra]);
  return Object.fromEntries(DOCUMENT_ROLES.map((role) => [role, add(role)])) as Record<DocumentRole, readonly SurfaceRule[]>;
}
