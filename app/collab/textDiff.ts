// The small edit a keystroke made to a field, and where a caret goes when someone else edits.

/** One contiguous replacement: delete `remove` characters at `index`, then insert `insert` there. */
export type TextSplice = { index: number; remove: number; insert: string };

/**
 * The splice that turns `before` into `after`. `caret` (the caret in `after`) places an insertion among
 * repeated characters where the person really typed, so concurrent edits merge where they expect.
 */
export function spliceBetween(before: string, after: string, caret: number | null): TextSplice | null {
  if (before === after) return null;
  let suffix = -1;
  if (caret !== null && caret >= 0 && caret <= after.length) {
    const tail = after.slice(caret);
    if (tail.length <= before.length && before.endsWith(tail)) suffix = tail.length;
  }
  if (suffix < 0) {
    suffix = 0;
    const limit = Math.min(before.length, after.length);
    while (suffix < limit && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  }
  const maxPrefix = Math.min(before.length, after.length) - suffix;
  let prefix = 0;
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++;
  return { index: prefix, remove: before.length - suffix - prefix, insert: after.slice(prefix, after.length - suffix) };
}

/** A Yjs text delta op (the subset a plain-text field produces). */
export type DeltaOp = { retain?: number; insert?: unknown; delete?: number };

/** Where a caret at `position` ends up after a remote change described by `delta` (text typed exactly at the caret stays after it). */
export function moveCaret(position: number, delta: readonly DeltaOp[]): number {
  let old = 0;
  let shift = 0;
  for (const op of delta) {
    if (old > position) break;
    if (op.retain !== undefined) old += op.retain;
    else if (op.insert !== undefined) {
      if (old < position) shift += typeof op.insert === "string" ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (old < position) shift -= Math.min(op.delete, position - old);
      old += op.delete;
    }
  }
  return Math.max(0, position + shift);
}
