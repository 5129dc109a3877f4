// A value read from a Y.Doc, computed once per document version and shared by every reader of that document.
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
 * the findings panel and the vote results all read the actions, the server renders them all from one
 * document, and the workshop loader encodes a live plan once per version for everyone who opens it.
 * Inside a transaction (the document half changed) it is read afresh. A value is shared: treat it as read-only.
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
