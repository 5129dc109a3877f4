// Reads a value from a Y.Doc and re-reads it after every change (local or remote).
import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";

type Read = (doc: Y.Doc) => unknown;
type DocCache = { version: number; values: WeakMap<Read, { version: number; value: unknown }> };
const caches = new WeakMap<Y.Doc, DocCache>();

function cacheOf(doc: Y.Doc): DocCache {
  let cache = caches.get(doc);
  if (!cache) {
    const created: DocCache = { version: 0, values: new WeakMap() };
    // Counted when a transaction starts, so a reader in any afterTransaction handler already misses.
    doc.on("beforeTransaction", () => created.version++);
    caches.set(doc, created);
    cache = created;
  }
  return cache;
}

/**
 * `read(doc)`, computed once per document version and shared by every reader of this document: the board,
 * the findings panel and the vote results all read the actions, and the server renders them all from one
 * document. Inside a transaction (the document half changed) it is read afresh. A value is shared, so treat
 * it as read-only.
 */
export function docValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  if (doc._transaction !== null) return read(doc);
  const cache = cacheOf(doc);
  const hit = cache.values.get(read);
  if (hit && hit.version === cache.version) return hit.value as T;
  const value = read(doc);
  cache.values.set(read, { version: cache.version, value });
  return value;
}

/** `read(doc)`, recomputed once per document transaction (and when `read` itself changes: keep it stable with useCallback when it is costly). */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const subscribe = useCallback(
    (notify: () => void) => {
      doc.on("afterTransaction", notify);
      return () => doc.off("afterTransaction", notify);
    },
    [doc],
  );
  // The page swaps its document when the server refuses a change (useWorkspaceDoc): a new doc is a miss.
  const snapshot = () => docValue(doc, read);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
