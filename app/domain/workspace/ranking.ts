// Vote results ranked, and the actions the facilitator marks as the plan's priorities. Priorities live in
// the session map (`session.priorities`: action id → rank from 1), which only facilitators may write
// (writableSurface.ts): a participant's page cannot mark or unmark one.
import * as Y from "yjs";
import { totalVotes, type ActionView } from "./actions";
import { sessionOf } from "./document";

export const PRIORITIES_KEY = "priorities";
/** The most actions a plan may mark as priorities. */
export const MAX_PRIORITIES = 10;

export type RankedAction = { id: string; title: string; total: number; rank: number; boardPosition: number };

/**
 * Actions by total votes, most first; ties keep board order and share a rank ("1, 2, 2, 4"). Actions with no
 * votes come last, in board order.
 */
export function rankByVotes(actions: readonly Pick<ActionView, "id" | "title" | "votes">[]): RankedAction[] {
  const rows = actions.map((a, boardPosition) => ({ id: a.id, title: a.title.trim() || "Untitled action", total: totalVotes(a), boardPosition, rank: 0 }));
  rows.sort((x, y) => y.total - x.total || x.boardPosition - y.boardPosition);
  rows.forEach((row, i) => (row.rank = i > 0 && rows[i - 1]!.total === row.total ? rows[i - 1]!.rank : i + 1));
  return rows;
}

/** action id → priority (1 = first), for the valid entries of `session.priorities`. */
export function readPriorities(doc: Y.Doc): Record<string, number> {
  const map = sessionOf(doc).get(PRIORITIES_KEY);
  const result: Record<string, number> = {};
  if (map instanceof Y.Map) {
    map.forEach((value, key) => {
      if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_PRIORITIES) result[key] = value;
    });
  }
  return result;
}

/** The priorities in order, as ids of actions still on the board (renumbered 1, 2, 3 without gaps). */
export function priorityOrder(priorities: Readonly<Record<string, number>>, actionIds: readonly string[]): string[] {
  const live = new Set(actionIds);
  return Object.entries(priorities)
    .filter(([id]) => live.has(id))
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .map(([id]) => id);
}

/** Replaces the plan's priorities with these action ids, in order (an empty list clears them). */
export function setPriorities(doc: Y.Doc, orderedIds: readonly string[], origin?: unknown): void {
  const ids = [...new Set(orderedIds)].slice(0, MAX_PRIORITIES);
  const session = sessionOf(doc);
  doc.transact(() => {
    let map = session.get(PRIORITIES_KEY);
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<number>();
      session.set(PRIORITIES_KEY, map);
    }
    const priorities = map as Y.Map<number>;
    for (const key of [...priorities.keys()]) if (!ids.includes(key)) priorities.delete(key);
    ids.forEach((id, i) => priorities.get(id) !== i + 1 && priorities.set(id, i + 1));
  }, origin);
}

/** Marks or unmarks one action as a priority (marked ones go to the end of the list). */
export function togglePriority(doc: Y.Doc, actionId: string, actionIds: readonly string[], origin?: unknown): boolean {
  const order = priorityOrder(readPriorities(doc), actionIds);
  const marked = order.includes(actionId);
  if (!marked && order.length >= MAX_PRIORITIES) return false;
  setPriorities(doc, marked ? order.filter((id) => id !== actionId) : [...order, actionId], origin);
  return true;
}
