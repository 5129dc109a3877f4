// What a participant's update may change. Facilitator controls (focus, timer, voting, the lock) live in the
// document's `session` map; only facilitators write them. Votes are cast by the server (so it can keep the
// rules and keep anonymous votes anonymous), never written by a participant's browser. While the board is
// locked, participants change nothing. An update is checked before it is applied by resolving which shared
// types it touches.
import * as Y from "yjs";
import { SESSION_KEY } from "~/domain/workspace/document";
import { decodeClientUpdate } from "./protocol";

type Place = {
  root: string | null;
  type: Y.AbstractType<unknown> | null;
  key: string | null;
  parentItemKey: string | null;
  /** A stored item this update deletes (rather than a new item it inserts). */
  deleted?: boolean;
  /** A stored item this update deletes together with the shared type that holds it (say, a deleted action's votes). */
  goesWithItsType?: boolean;
  /** A new item whose parent type is new in this same update too (and whether that parent's parent is). */
  parentNew?: boolean;
  grandparentNew?: boolean;
};
type DecodedItem = { id: Y.ID; length: number; origin: Y.ID | null; rightOrigin: Y.ID | null; parent: string | Y.ID | null; parentSub: string | null };

const VOTER_NAMES = "voterNames";

function storeItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const item = Y.getItem(doc.store, id);
    return item instanceof Y.Item ? item : null;
  } catch {
    return null;
  }
}

/** Where an existing item lives: its parent type and map key, and the key its parent type hangs under. */
function placeOfStored(item: Y.Item): Place {
  const type = item.parent as Y.AbstractType<unknown> | null;
  const owner = type?._item ?? null;
  return { root: owner ? null : rootName(type?.doc ?? null, type), type, key: item.parentSub, parentItemKey: owner?.parentSub ?? null };
}

function rootName(doc: Y.Doc | null, type: Y.AbstractType<unknown> | null): string | null {
  if (!doc || !type) return null;
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
}

/** Whether the shared type holding a stored item is itself deleted by the same delete set. */
function typeDeletedToo(item: Y.Item, ds: unknown): boolean {
  const holder = (item.parent as Y.AbstractType<unknown> | null)?._item;
  return holder instanceof Y.Item && Y.isDeleted(ds as Parameters<typeof Y.isDeleted>[0], holder.id);
}

/** Resolves where each new item of an update goes, following origins inside the update itself when needed. */
function placesOf(doc: Y.Doc, update: Uint8Array): Place[] | null {
  const { structs, ds } = decodeClientUpdate(update) as unknown as { structs: DecodedItem[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  // Structs the server already holds change nothing (a sync reply can repeat them): only new ones count.
  const local = structs.filter((s) => "parentSub" in s && !storeItem(doc, s.id));
  const findLocal = (id: Y.ID) => local.find((s) => s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length) ?? null;
  const resolve = (item: DecodedItem, depth = 0): Place | null => {
    if (depth > 10_000) return null;
    if (typeof item.parent === "string") return { root: item.parent, type: null, key: item.parentSub, parentItemKey: null, parentNew: false, grandparentNew: false };
    if (item.parent) {
      const stored = storeItem(doc, item.parent);
      if (stored) {
        const content = stored.content as unknown as { type?: Y.AbstractType<unknown> };
        return { root: null, type: content.type ?? null, key: item.parentSub, parentItemKey: stored.parentSub, parentNew: false, grandparentNew: false };
      }
      const parentLocal = findLocal(item.parent);
      const outer = parentLocal ? resolve(parentLocal, depth + 1) : null;
      return outer
        ? { root: null, type: null, key: item.parentSub, parentItemKey: parentLocal!.parentSub ?? outer.key, parentNew: true, grandparentNew: outer.parentNew === true }
        : null;
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return null;
    const stored = storeItem(doc, neighbour);
    if (stored) return placeOfStored(stored);
    const near = findLocal(neighbour);
    return near ? resolve(near, depth + 1) : null;
  };
  const places: Place[] = [];
  for (const item of local) {
    const place = resolve(item);
    if (!place) return null;
    places.push(place);
  }
  // A sync reply carries the sender's whole delete set; deletions the server already has change nothing.
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const stored = storeItem(doc, Y.createID(client, at));
        if (!stored) break;
        if (!stored.deleted) places.push({ ...placeOfStored(stored), deleted: true, goesWithItsType: typeDeletedToo(stored, ds) });
        at = stored.id.clock + stored.length;
      }
    }
  }
  return places;
}

const session = (doc: Y.Doc) => doc.getMap<unknown>(SESSION_KEY);
const isSessionControl = (doc: Y.Doc, p: Place) => p.root === SESSION_KEY || (p.type !== null && p.type === session(doc));
/**
 * A change to votes: an entry of an action's votes (or of the voters' names), or the action's `votes` slot
 * itself (replacing or deleting its map). Allowed only as part of a whole action: deleting an action
 * deletes its votes, and creating one (or undo restoring a deleted one) brings its own map. The last also
 * lets a crafted client create a new action with votes already in it (ADR 006).
 */
function isVoteChange(p: Place): boolean {
  const entry = p.parentItemKey === "votes" || p.parentItemKey === VOTER_NAMES;
  const slot = p.key === "votes" && p.parentItemKey !== null;
  if (!entry && !slot) return false;
  if (p.deleted) return !p.goesWithItsType;
  return entry ? !(p.parentNew && p.grandparentNew) : !p.parentNew;
}

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string; retryLater: boolean };

/** Whether a participant who is not a facilitator may apply this update to the document now. */
export function checkParticipantUpdate(doc: Y.Doc, update: Uint8Array): GuardVerdict {
  const places = placesOf(doc, update);
  // It depends on changes the server has not seen, so what it touches cannot be checked: reconnecting
  // sends them together (the client's sync reply carries everything the server lacks).
  if (!places) return { allowed: false, reason: "That change arrived before the changes it builds on; reconnecting to send them together.", retryLater: true };
  if (places.some((p) => isSessionControl(doc, p))) {
    return { allowed: false, reason: "Only a facilitator can change the session (focus, timer, voting or the lock).", retryLater: false };
  }
  if (places.some(isVoteChange)) {
    return { allowed: false, reason: "Votes are cast with the board's vote buttons, which the server checks; this change was not saved.", retryLater: false };
  }
  if (session(doc).get("locked") === true && places.length > 0) {
    return { allowed: false, reason: "The facilitator has locked the board for a moment; your change will be sent when it opens.", retryLater: true };
  }
  return { allowed: true };
}
