// Enforces the document's writable surface (app/domain/workspace/writableSurface.ts) on a client's decoded
// update before it is applied: every item it inserts and every item it deletes is placed at its path from
// the document root — following parents inside the update itself, at any depth — and checked against the
// sender's role. While the board is locked, only facilitators change anything.
import * as Y from "yjs";
import { ACTIONS_KEY, SESSION_KEY, liveIdentityOf, liveVotesOf, mayWrite, removedIdentityOf, removedVotesOf, type ActionIdentity, type DocumentRole, type SurfaceRule, type WriteKind } from "~/domain/workspace";
import type { Principal } from "./core/authentication";
import { decodeClientUpdate } from "./core/protocol";

export type Surface = Readonly<Record<DocumentRole, readonly SurfaceRule[]>>;

/** The document role of an authenticated person. */
export function documentRoleOf(principal: Principal): DocumentRole {
  if (!principal.canEdit) return "viewer";
  if (principal.canFacilitate) return "facilitator";
  return principal.guestId ? "guest" : "member";
}

export type GuardVerdict =
  /** `removedActions`: the actions this update removes, with the votes each holds now (the server records them). */
  | { allowed: true; removedActions?: ReadonlyMap<string, Record<string, number>>; removedIdentities?: ReadonlyMap<string, ActionIdentity> }
  /** A place the role may not write: a page of ours never sends it. */
  | { allowed: false; why: "forbidden"; reason: string; path: string }
  /** The board is locked: the change is refused and the sender's page rolls it back. */
  | { allowed: false; why: "locked"; reason: string }
  /** Our own page can send it (someone voted meanwhile), but only a facilitator may: rolled back, not an offence. */
  | { allowed: false; why: "votes"; reason: string }
  /** It builds on changes the server has not seen, so what it touches cannot be known. */
  | { allowed: false; why: "unresolved"; reason: string };

export const VOTED_REASON = "That action has votes from the room, so only a facilitator can remove it. It is back on your board; ask the facilitator if it should go.";

export const LOCKED_REASON = "The facilitator has paused editing, so your last change was not saved. You can edit again when they unlock the board.";

type DecodedItem = { id: Y.ID; length: number; origin: Y.ID | null; rightOrigin: Y.ID | null; parent: string | Y.ID | null; parentSub: string | null; content: { getContent(): unknown[] } };
type Path = string[];
/** `value`: what a new map entry holds, when it is a plain value (votes are numbers). */
type Write = { path: Path; kind: WriteKind; value?: unknown };

/** A map key as a path segment: `#` is reserved for "a position in a list or text". */
const keySegment = (key: string) => (key === "#" ? "\\#" : key);
const segmentOf = (parentSub: string | null) => (parentSub === null ? "#" : keySegment(parentSub));

function storeItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  try {
    const item = Y.getItem(doc.store, id);
    return item instanceof Y.Item ? item : null;
  } catch {
    return null;
  }
}

function rootName(doc: Y.Doc, type: Y.AbstractType<unknown>): string | null {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return null;
}

/** The path of an item the server holds, or null when it hangs off something that is not in the document. */
function storedPath(doc: Y.Doc, item: Y.Item): Path | null {
  const reversed: Path = [];
  let current: Y.Item | null = item;
  for (let depth = 0; current && depth < 1000; depth++) {
    reversed.push(segmentOf(current.parentSub));
    const parent = current.parent as Y.AbstractType<unknown> | null;
    if (!parent || typeof parent !== "object") return null;
    if (parent._item) current = parent._item;
    else {
      const root = rootName(doc, parent);
      if (root === null) return null;
      reversed.push(keySegment(root));
      return reversed.reverse();
    }
  }
  return null;
}

const unescapeSegment = (segment: string) => (segment === "\\#" ? "#" : segment);

/** Whether a stored map slot holds a live value now (writing there replaces it): `path`'s first `depth` segments are the map. */
function liveAt(doc: Y.Doc, path: Path, depth: number, key: string): boolean {
  let type: unknown = doc.share.get(unescapeSegment(path[0]!));
  for (let i = 1; i < depth; i++) {
    const segment = path[i]!;
    if (!(type instanceof Y.AbstractType) || segment === "#") return false;
    const entry = (type as Y.AbstractType<unknown>)._map.get(unescapeSegment(segment));
    if (!entry || entry.deleted) return false;
    type = (entry.content as unknown as { type?: unknown }).type;
  }
  if (!(type instanceof Y.AbstractType)) return false;
  const entry = (type as Y.AbstractType<unknown>)._map.get(key);
  return entry !== undefined && !entry.deleted;
}

/**
 * Finds the new structs of an update by id. A few (one edit) are searched in turn; more are indexed per client
 * and found by binary search, so resolving stays linear-ish.
 */
class FreshStructs {
  private readonly byClient: Map<number, DecodedItem[]> | null = null;

  constructor(readonly items: DecodedItem[]) {
    if (items.length <= 8) return;
    const byClient = new Map<number, DecodedItem[]>();
    for (const item of items) {
      const list = byClient.get(item.id.client);
      if (list) list.push(item);
      else byClient.set(item.id.client, [item]);
    }
    for (const list of byClient.values()) list.sort(byClock);
    this.byClient = byClient;
  }

  find(id: Y.ID): DecodedItem | null {
    if (!this.byClient) {
      for (const s of this.items) if (s.id.client === id.client && id.clock >= s.id.clock && id.clock < s.id.clock + s.length) return s;
      return null;
    }
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  }
}

const byClock = (x: DecodedItem, y: DecodedItem) => x.id.clock - y.id.clock;

/** Places an update's new items at their paths from the root, following parents inside the update itself. */
class Placement {
  private readonly paths = new Map<DecodedItem, Path | null>();
  /** Items whose parent is itself new in this update (so nothing there is replaced). */
  readonly newParent = new Set<DecodedItem>();

  constructor(
    private readonly doc: Y.Doc,
    readonly fresh: FreshStructs,
  ) {}

  pathOf(item: DecodedItem, depth: number): Path | null {
    const known = this.paths.get(item);
    if (known !== undefined || this.paths.has(item)) return known ?? null;
    if (depth > 1000) return null;
    let path: Path | null = null;
    if (typeof item.parent === "string") path = [keySegment(item.parent), segmentOf(item.parentSub)];
    else if (item.parent) {
      const stored = storeItem(this.doc, item.parent);
      let outer: Path | null = null;
      if (stored) outer = storedPath(this.doc, stored);
      else {
        const parent = this.fresh.find(item.parent);
        outer = parent ? this.pathOf(parent, depth + 1) : null;
        if (outer) this.newParent.add(item);
      }
      if (outer) {
        outer = outer.slice();
        outer.push(segmentOf(item.parentSub));
      }
      path = outer;
    } else {
      // No parent written: the item sits beside its neighbour, in the same list or map slot.
      const neighbour = item.origin ?? item.rightOrigin;
      const stored = neighbour ? storeItem(this.doc, neighbour) : null;
      const near = neighbour && !stored ? this.fresh.find(neighbour) : null;
      path = stored ? storedPath(this.doc, stored) : near ? this.pathOf(near, depth + 1) : null;
      if (near && this.newParent.has(near)) this.newParent.add(item);
    }
    this.paths.set(item, path);
    return path;
  }
}

/** Every write an update makes, with its path and kind; null when some place cannot be resolved. */
export function writesOf(doc: Y.Doc, update: Uint8Array): Write[] | null {
  const { structs, ds } = decodeClientUpdate(update) as unknown as { structs: DecodedItem[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  // Structs must continue each client's history from where the server's copy is: one that starts past it
  // would wait (pending) and be applied later, unchecked against whatever the board is by then.
  if (!contiguous(doc, structs)) return null;
  // Structs the server already holds change nothing (a sync reply repeats them); one that runs past the
  // server's clock for its client is new in its tail, so it counts, at the place of its known head.
  const freshItems: DecodedItem[] = [];
  for (const s of structs) if ("parentSub" in s && s.id.clock + s.length > Y.getState(doc.store, s.id.client)) freshItems.push(s);
  const fresh = new FreshStructs(freshItems);
  const placement = new Placement(doc, fresh);
  const writes: Write[] = [];
  for (const item of freshItems) {
    const path = placement.pathOf(item, 0);
    if (!path) return null;
    const key = path[path.length - 1]!;
    const replaces = key !== "#" && !placement.newParent.has(item) && liveAt(doc, path, path.length - 1, unescapeSegment(key));
    const content = item.content instanceof Y.ContentAny ? item.content.getContent() : null;
    writes.push(content !== null && content.length === 1 ? { path, kind: replaces ? "replace" : "create", value: content[0] } : { path, kind: replaces ? "replace" : "create" });
  }
  // A sync reply carries the sender's whole delete set; deletions the server already has change nothing. A
  // deletion inside something this update also deletes (an action's text, with the action) goes with it.
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const known = Y.getState(doc.store, client);
      for (let at = clock; at < clock + len; ) {
        if (at >= known) {
          // Deleting what the server has not seen would wait and strike someone's later change unchecked;
          // only what this update itself inserts may be deleted with it.
          if (!coveredBy(fresh, client, at, clock + len)) return null;
          break;
        }
        const stored = storeItem(doc, Y.createID(client, at));
        if (!stored) {
          // Garbage-collected long ago: already deleted, nothing to check.
          const held = doc.store.clients.get(client)!;
          const gc = held[Y.findIndexSS(held, at)]!;
          at = gc.id.clock + gc.length;
          continue;
        }
        if (!stored.deleted && !insideDeleted(stored, ds)) {
          const path = storedPath(doc, stored);
          if (!path) return null;
          writes.push({ path, kind: "remove" });
        }
        at = stored.id.clock + stored.length;
      }
    }
  }
  return votesKinds(doc, writes);
}

const isAction = (path: Path) => path.length === 2 && path[0] === ACTIONS_KEY;
const isVote = (path: Path) => path.length === 4 && path[0] === ACTIONS_KEY && path[2] === "votes";

/**
 * The two kinds only votes have: removing an action that holds votes is `removeVoted`; a vote written into an
 * action this same update brings back, equal to what the server recorded when that action was removed, is
 * `restore` (a facilitator's undo). Anything else in a votes map stays a `create`, which nobody may make.
 */
function votesKinds(doc: Y.Doc, given: Write[]): Write[] {
  // Most edits touch no action itself and no vote (a title's text, a note): nothing to reclassify.
  if (!given.some((w) => isAction(w.path) || isVote(w.path))) return given;
  const writes = identityKinds(doc, given);
  const broughtBack = new Set(writes.filter((w) => isAction(w.path) && w.kind === "create").map((w) => w.path[1]!));
  return writes.map((write) => {
    if (isAction(write.path) && write.kind === "remove" && Object.keys(liveVotesOf(doc, write.path[1]!)).length > 0) return { ...write, kind: "removeVoted" };
    if (isVote(write.path) && write.kind === "create" && broughtBack.has(write.path[1]!)) {
      const recorded = removedVotesOf(doc, write.path[1]!)[write.path[3]!];
      if (recorded !== undefined && recorded === write.value) return { ...write, kind: "restore" };
    }
    return write;
  });
}

/**
 * An action's id is its identity. Putting an action under the id of one that was removed is bringing that
 * action back (an undo) only when it carries the same identity (who created it, when); anything else there
 * takes another action's identity, so it counts as replacing it (`replace`, which no role may do to an action).
 */
function identityKinds(doc: Y.Doc, writes: Write[]): Write[] {
  const valueAt = (id: string, field: string) => {
    const write = writes.find((w) => w.path.length === 3 && w.path[0] === ACTIONS_KEY && w.path[1] === id && w.path[2] === field);
    return typeof write?.value === "string" ? write.value : null;
  };
  return writes.map((write) => {
    if (!isAction(write.path) || write.kind !== "create") return write;
    const id = write.path[1]!;
    const removed = removedIdentityOf(doc, id);
    if (!removed) return write;
    const same = valueAt(id, "createdBy") === removed.createdBy && valueAt(id, "createdAt") === removed.createdAt;
    return same ? write : { ...write, kind: "replace" };
  });
}

/** Whether every struct of every client starts at or before the end of what precedes it (no gaps, no Skip). */
function contiguous(doc: Y.Doc, structs: DecodedItem[]): boolean {
  if (structs.length === 1) {
    const s = structs[0]!;
    return !((s as unknown) instanceof Y.Skip) && s.id.clock <= Y.getState(doc.store, s.id.client);
  }
  const byClient = new Map<number, DecodedItem[]>();
  for (const s of structs) {
    if ((s as unknown) instanceof Y.Skip) return false;
    const list = byClient.get(s.id.client) ?? [];
    list.push(s);
    byClient.set(s.id.client, list);
  }
  for (const [client, list] of byClient) {
    let end = Y.getState(doc.store, client);
    for (const s of list.sort((x, y) => x.id.clock - y.id.clock)) {
      if (s.id.clock > end) return false;
      end = Math.max(end, s.id.clock + s.length);
    }
  }
  return true;
}

/** Whether the clocks [from, to) of a client are all inserted by this update. */
function coveredBy(fresh: FreshStructs, client: number, from: number, to: number): boolean {
  for (let at = from; at < to; ) {
    const s = fresh.find(Y.createID(client, at));
    if (!s) return false;
    at = s.id.clock + s.length;
  }
  return true;
}

function insideDeleted(item: Y.Item, ds: unknown): boolean {
  for (let holder = (item.parent as Y.AbstractType<unknown> | null)?._item; holder; holder = (holder.parent as Y.AbstractType<unknown> | null)?._item) {
    if (Y.isDeleted(ds as Parameters<typeof Y.isDeleted>[0], holder.id)) return true;
  }
  return false;
}

const describePath = (path: Path) => path.map((s) => (s === "#" ? "[…]" : s.replace(/^\\#$/, "#"))).join(".");

/** Whether someone with this role may apply this update to the document now. Throws ProtocolError if malformed. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, role: DocumentRole, surface: Surface): GuardVerdict {
  const writes = writesOf(doc, update);
  if (!writes) return { allowed: false, why: "unresolved", reason: "That change arrived before the changes it builds on; asking the page to send them." };
  const rules = surface[role];
  const refusedWrites = writes.filter((w) => !mayWrite(rules, w.path, w.kind));
  // Removing an action that holds votes is something our own page can send (a vote arrived meanwhile, or an
  // undo of creating it): the page rolls it back and says why, but it is no offence.
  const onlyVoted = refusedWrites.length > 0 && refusedWrites.every((w) => w.kind === "removeVoted" && mayWrite(rules, w.path, "remove"));
  const refused = onlyVoted ? undefined : refusedWrites[0];
  if (refused) {
    const where = describePath(refused.path);
    const reason = refused.path[0] === SESSION_KEY
      ? `Only a facilitator can change the session (focus, timer, voting or the lock); refused: ${refused.kind} ${where}.`
      : refused.path.includes("votes")
        ? `Votes are cast with the board's vote buttons, which the server checks; refused: ${refused.kind} ${where}.`
        : `A ${role} may not ${refused.kind} ${where}; this change was not saved.`;
    return { allowed: false, why: "forbidden", reason, path: where };
  }
  if (role !== "facilitator" && writes.length > 0 && doc.getMap<unknown>(SESSION_KEY).get("locked") === true) {
    return { allowed: false, why: "locked", reason: LOCKED_REASON };
  }
  if (onlyVoted) return { allowed: false, why: "votes", reason: VOTED_REASON };
  const removed = writes.filter((w) => isAction(w.path) && (w.kind === "remove" || w.kind === "removeVoted"));
  if (removed.length === 0) return { allowed: true };
  return {
    allowed: true,
    removedActions: new Map(removed.map((w) => [w.path[1]!, liveVotesOf(doc, w.path[1]!)])),
    removedIdentities: new Map(removed.flatMap((w) => {
      const identity = liveIdentityOf(doc, w.path[1]!);
      return identity ? [[w.path[1]!, identity] as const] : [];
    })),
  };
}
