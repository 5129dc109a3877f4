// Workshop board edits beyond create/update: order, linked lists, text fields, focus.
import { generateKeyBetween } from "fractional-indexing";
import * as Y from "yjs";
import { readActions, type ActionView } from "./actions";
import { actionsOf } from "./document";
import { personNameSchema } from "./schema";

/** The action fields that hold a list of strings. */
export type ActionListField = "partners" | "findingIds" | "mirIds";
/** The action fields people type into together. */
export type ActionTextField = "title" | "description";

function actionMap(doc: Y.Doc, id: string) {
  const map = actionsOf(doc).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`There is no action ${id} in this plan.`);
  return map;
}

/** An order key strictly between two neighbours; a malformed neighbour is ignored rather than fatal. */
function keyBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    try {
      return generateKeyBetween(before, null);
    } catch {
      return generateKeyBetween(null, after);
    }
  }
}

/** Moves an action one place up or down the board; returns false when it is already at that end. */
export function moveAction(doc: Y.Doc, id: string, direction: "up" | "down", origin?: unknown): boolean {
  const list = readActions(doc);
  const index = list.findIndex((a) => a.id === id);
  if (index < 0) throw new Error(`There is no action ${id} in this plan.`);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= list.length) return false;
  return moveActionTo(doc, id, target, origin, list);
}

/** Moves an action so it ends up at `index` in board order (drag and drop); returns false if nothing moved. */
export function moveActionTo(doc: Y.Doc, id: string, index: number, origin?: unknown, current?: ActionView[]): boolean {
  const list = (current ?? readActions(doc)).filter((a) => a.id !== id);
  if (list.length === (current ?? readActions(doc)).length) throw new Error(`There is no action ${id} in this plan.`);
  const at = Math.max(0, Math.min(index, list.length));
  const before = at > 0 ? list[at - 1]!.order : null;
  const after = at < list.length ? list[at]!.order : null;
  const order = before !== null && after !== null && before >= after ? keyBetween(before, null) : keyBetween(before, after);
  const map = actionMap(doc, id);
  if (map.get("order") === order) return false;
  doc.transact(() => map.set("order", order), origin);
  return true;
}

/** Adds a value to one of an action's lists unless it is already there. */
export function addToActionList(doc: Y.Doc, id: string, field: ActionListField, value: string, origin?: unknown): void {
  const clean = personNameSchema.min(1).parse(value.trim());
  const list = actionMap(doc, id).get(field);
  if (!(list instanceof Y.Array)) throw new Error(`The ${field} of action ${id} cannot be changed.`);
  if ((list.toArray() as string[]).includes(clean)) return;
  doc.transact(() => list.push([clean]), origin);
}

/** Removes every copy of a value from one of an action's lists. */
export function removeFromActionList(doc: Y.Doc, id: string, field: ActionListField, value: string, origin?: unknown): void {
  const list = actionMap(doc, id).get(field);
  if (!(list instanceof Y.Array)) return;
  doc.transact(() => {
    for (let i = list.length - 1; i >= 0; i--) if (list.get(i) === value) list.delete(i, 1);
  }, origin);
}

/** The shared text of an action's title or description (null when missing or not text). */
export function actionText(doc: Y.Doc, id: string, field: ActionTextField): Y.Text | null {
  const map = actionsOf(doc).get(id);
  const value = map instanceof Y.Map ? map.get(field) : undefined;
  return value instanceof Y.Text ? value : null;
}

/** What the facilitator has asked everyone to look at. */
export type FocusTarget = { kind: "finding" | "action"; id: string };

/** Stored focus for a finding or an action. */
export function focusKey(target: FocusTarget): string {
  return `${target.kind}:${target.id}`;
}

/** Reads a stored focus; a bare id (older documents) is a finding. */
export function focusTarget(focus: string | null): FocusTarget | null {
  if (!focus) return null;
  if (focus.startsWith("action:")) return { kind: "action", id: focus.slice("action:".length) };
  if (focus.startsWith("finding:")) return { kind: "finding", id: focus.slice("finding:".length) };
  return { kind: "finding", id: focus };
}
