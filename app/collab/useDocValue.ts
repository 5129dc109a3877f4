// Reads a value from a Y.Doc and re-reads it after every change (local or remote).
import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { docValue } from "./docValue";

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
