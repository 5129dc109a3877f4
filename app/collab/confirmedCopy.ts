// What the server has confirmed of a workspace document: a second Y.Doc that takes only the updates the
// server sent. When the server refuses one of this browser's changes (the board is locked), the page swaps
// its document for a fresh copy of this one — a new Y.Doc with a new client id, so nothing of the refused
// change is ever sent again, and no later edit builds on it.
import * as Y from "yjs";

export type ConfirmedCopy = {
  /** A new document holding everything the server has confirmed (the refused change is not in it). */
  freshCopy(): Y.Doc;
  destroy(): void;
};

/** Starts tracking `doc`'s confirmed state; `server` is the transaction origin of updates the server sent. */
export function trackConfirmed(doc: Y.Doc, server: unknown): ConfirmedCopy {
  const confirmed = new Y.Doc();
  Y.applyUpdate(confirmed, Y.encodeStateAsUpdate(doc));
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === server) Y.applyUpdate(confirmed, update);
  };
  doc.on("update", onUpdate);
  return {
    freshCopy() {
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.encodeStateAsUpdate(confirmed), server);
      return fresh;
    },
    destroy() {
      doc.off("update", onUpdate);
      confirmed.destroy();
    },
  };
}
