// What a refused change takes away from this person's screen, in the board's words: when the server refuses
// a change (say the board was locked while they edited offline) the page rolls back to what the server
// confirmed, so it first compares the two copies and keeps the person's own words to show them (ADR 023).
import * as Y from "yjs";
import { notesOf, readActions, type ActionView } from "~/domain/workspace";

/** One thing of theirs that was not saved, with the words they wrote (to copy), if any. */
export type UnsavedChange =
  | { kind: "new-action"; title: string; words: string }
  | { kind: "action"; title: string; fields: string[]; words: string }
  | { kind: "removed-action"; title: string }
  | { kind: "note"; findingId: string; words: string };

const FIELD_NAMES: Array<[keyof ActionView, string]> = [
  ["title", "title"],
  ["description", "description"],
  ["status", "status"],
  ["rag", "RAG rating"],
  ["owner", "owner"],
  ["partners", "partners"],
  ["due", "due date"],
  ["findingIds", "linked findings"],
  ["mirIds", "Making it Real links"],
  ["order", "place on the board"],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const nameOf = (action: ActionView) => action.title.trim() || "Untitled action";

function wordsOf(action: ActionView): string {
  return [action.title.trim(), action.description.trim(), action.owner.trim() ? `Owner: ${action.owner.trim()}` : "", action.partners.length ? `Partners: ${action.partners.join(", ")}` : ""]
    .filter(Boolean)
    .join("\n");
}

/** What `local` has that `confirmed` (the server's copy) does not, thing by thing. */
export function unsavedChanges(local: Y.Doc, confirmed: Y.Doc): UnsavedChange[] {
  const mine = new Map(readActions(local).map((a) => [a.id, a]));
  const theirs = new Map(readActions(confirmed).map((a) => [a.id, a]));
  const changes: UnsavedChange[] = [];
  for (const [id, action] of mine) {
    const saved = theirs.get(id);
    if (!saved) {
      changes.push({ kind: "new-action", title: nameOf(action), words: wordsOf(action) });
      continue;
    }
    const fields = FIELD_NAMES.filter(([field]) => !same(action[field], saved[field])).map(([, name]) => name);
    if (fields.length) changes.push({ kind: "action", title: nameOf(saved), fields, words: wordsOf(action) });
  }
  for (const [id, saved] of theirs) if (!mine.has(id)) changes.push({ kind: "removed-action", title: nameOf(saved) });
  const savedNotes = notesOf(confirmed);
  notesOf(local).forEach((text, findingId) => {
    const words = text instanceof Y.Text ? text.toString() : "";
    const before = savedNotes.get(findingId);
    if (words.trim() && words !== (before instanceof Y.Text ? before.toString() : "")) changes.push({ kind: "note", findingId, words });
  });
  return changes;
}

/** Everything to copy, as plain text: one paragraph per thing. */
export function unsavedText(changes: readonly UnsavedChange[], findingName: (id: string) => string): string {
  return changes
    .map((change) => {
      switch (change.kind) {
        case "new-action":
          return `New action:\n${change.words}`;
        case "action":
          return `Changes to "${change.title}" (${change.fields.join(", ")}):\n${change.words}`;
        case "removed-action":
          return `Removing "${change.title}"`;
        case "note":
          return `Notes on "${findingName(change.findingId)}":\n${change.words}`;
      }
    })
    .join("\n\n");
}
