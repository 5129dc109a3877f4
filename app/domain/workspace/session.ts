// The facilitator's session state and the group's notes on findings.
import * as Y from "yjs";
import { notesOf, sessionOf } from "./document";
import { sessionSchema, type SessionState } from "./schema";

export const DEFAULT_SESSION: SessionState = {
  focus: null,
  timer: null,
  voting: { open: false, votesPerPerson: 3, anonymous: true, revealed: false },
  locked: false,
};

export type SessionView = SessionState & { valid: boolean; problems: string[] };

/** Reads the session map; missing values take their defaults, bad ones are reported and replaced. */
export function readSession(doc: Y.Doc): SessionView {
  const map = sessionOf(doc);
  const problems: string[] = [];
  const plainVoting = (value: unknown) => (value instanceof Y.Map ? Object.fromEntries(value.entries()) : value);
  const read = <K extends keyof SessionState>(key: K, raw: unknown): SessionState[K] => {
    if (raw === undefined) return DEFAULT_SESSION[key];
    const parsed = sessionSchema.shape[key].safeParse(raw);
    if (parsed.success) return parsed.data as SessionState[K];
    problems.push(`${key}: ${parsed.error.issues[0]?.message ?? "is not valid"}`);
    return DEFAULT_SESSION[key];
  };
  const voting = plainVoting(map.get("voting"));
  return {
    focus: read("focus", map.get("focus")),
    timer: read("timer", map.get("timer")),
    voting: read("voting", voting === undefined ? undefined : { ...DEFAULT_SESSION.voting, ...(voting as object) }),
    locked: read("locked", map.get("locked")),
    valid: problems.length === 0,
    problems,
  };
}

/** Writes validated session values (voting is kept as a nested Y.Map so its fields merge independently). */
export function updateSession(doc: Y.Doc, change: Partial<SessionState>, origin?: unknown): void {
  const checked = sessionSchema.partial().parse(change);
  const map = sessionOf(doc);
  doc.transact(() => {
    if (checked.focus !== undefined) map.set("focus", checked.focus);
    if (checked.timer !== undefined) map.set("timer", checked.timer);
    if (checked.locked !== undefined) map.set("locked", checked.locked);
    if (checked.voting) {
      let voting = map.get("voting");
      if (!(voting instanceof Y.Map)) {
        voting = new Y.Map<unknown>();
        map.set("voting", voting);
      }
      for (const [key, value] of Object.entries(checked.voting)) (voting as Y.Map<unknown>).set(key, value);
    }
  }, origin);
}

/** The shared note text for a finding, created empty on first use. */
export function noteFor(doc: Y.Doc, findingId: string, origin?: unknown): Y.Text {
  const notes = notesOf(doc);
  const existing = notes.get(findingId);
  if (existing instanceof Y.Text) return existing;
  const text = new Y.Text();
  doc.transact(() => notes.set(findingId, text), origin);
  return text;
}

/** The note text of a finding as a string ("" when there is none or it is not text). */
export function readNote(doc: Y.Doc, findingId: string): string {
  const value = notesOf(doc).get(findingId);
  return value instanceof Y.Text ? value.toString() : "";
}
