// Reads a value from a Y.Doc and re-reads it after every change (local or remote).
import { useCallback, useRef, useSyncExternalStore } from "react";
import type * as Y from "yjs";

/** `read(doc)`, recomputed once per document transaction (and when `read` itself changes: keep it stable with useCallback when it is costly). */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const cache = useRef<{ doc: Y.Doc; version: number; read: (doc: Y.Doc) => T; value: T } | null>(null);
  const version = useRef(0);
  const subscribe = useCallback(
    (notify: () => void) => {
      const onChange = () => {
        version.current++;
        notify();
      };
      doc.on("afterTransaction", onChange);
      return () => doc.off("afterTransaction", onChange);
    },
    [doc],
  );
  const snapshot = () => {
    // The page swaps its document when the server refuses a change (useWorkspaceDoc): a new doc is a miss.
    const hit = cache.current && cache.current.doc === doc && cache.current.version === version.current && cache.current.read === read;
    if (!hit) cache.current = { doc, version: version.current, read, value: read(doc) };
    return cache.current!.value;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
