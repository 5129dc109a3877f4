// What a person changed, in the words the board uses: which actions, which findings' notes, the session.
// The offline banner counts these ("2 changes waiting"), not the keystrokes that made them.
import type * as Y from "yjs";
import { ACTIONS_KEY, NOTES_KEY, SESSION_KEY } from "~/domain/workspace/document";

type Shared = Y.AbstractType<unknown>;

/** The top-level map a shared type lives in, and its key there (the action or finding id). */
function topLevel(type: Shared): { root: Shared; key: string | null } | null {
  let current: Shared = type;
  let key: string | null = null;
  // Climb until the parent is a top-level type (one with no item of its own).
  while (current._item) {
    const parent = current._item.parent as Shared;
    key = current._item.parentSub;
    if (!parent._item) return { root: parent, key };
    current = parent;
  }
  return { root: current, key: null };
}

/** Keys such as `action:<id>`, `note:<finding id>` and `session` for everything one transaction changed. */
export function changedThings(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const names = new Map<Shared, string>();
  for (const [name, type] of doc.share) names.set(type as Shared, name);
  const things = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    const place = topLevel(type as Shared);
    if (!place) continue;
    const name = names.get(place.root);
    // A change to a top-level map itself names its keys (an action added or removed); a nested one, its owner.
    const ids = place.key === null ? [...keys].filter((k): k is string => k !== null) : [place.key];
    if (name === SESSION_KEY) things.add("session");
    else if (name === ACTIONS_KEY) for (const id of ids) things.add(`action:${id}`);
    else if (name === NOTES_KEY) for (const id of ids) things.add(`note:${id}`);
    else if (name) things.add(name);
  }
  return [...things];
}
