// The shape of a workspace's Y.Doc: three top-level maps and typed ways to reach them.
import * as Y from "yjs";

export const ACTIONS_KEY = "actions";
export const NOTES_KEY = "notes";
export const SESSION_KEY = "session";
/**
 * action id → the votes it held when it was last removed ({ voter key: count }). Written only by the server
 * (server/collab/sharedDocument.ts) in the same transaction as the removal, so a facilitator's undo can bring
 * the action back with exactly those votes, and nothing else (ADR 023).
 */
export const REMOVED_VOTES_KEY = "removedVotes";
/**
 * action id → who created it and when ({ createdBy, createdAt }), recorded by the server in the transaction
 * that removes it. An action's id is its identity: bringing a removed action back (an undo) must carry that
 * same identity; any other action under a removed action's id is refused as taking another's identity.
 */
export const REMOVED_ACTIONS_KEY = "removedActions";

/** Field names inside one action's Y.Map. */
export const ACTION_FIELDS = [
  "title",
  "description",
  "status",
  "rag",
  "owner",
  "ownerId",
  "partners",
  "due",
  "findingIds",
  "mirIds",
  "votes",
  "order",
  "createdBy",
  "createdAt",
  "recordedBy",
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

/** A value stored in an action's Y.Map: Y types for co-edited text and lists, plain values otherwise. */
export type ActionMapValue = Y.Text | Y.Array<string> | Y.Map<number> | string | null | { id: string; name: string };
export type ActionMap = Y.Map<ActionMapValue>;

/** action id → action map. */
export function actionsOf(doc: Y.Doc): Y.Map<ActionMap> {
  return doc.getMap<ActionMap>(ACTIONS_KEY);
}

/** finding id → the group's discussion of that finding. */
export function notesOf(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap<Y.Text>(NOTES_KEY);
}

/** Facilitator state: focus, timer, voting. */
export function sessionOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SESSION_KEY);
}
