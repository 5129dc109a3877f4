// What the app layer may ask of the live-collaboration server (passed in the Remix load context).
import type * as Y from "yjs";

/** Which sockets to close: every given field must match; a person or session must be named. */
export type ConnectionFilter = { userId?: string; guestId?: string; sessionId?: string; workspaceId?: string; workspaceIds?: string[] };
/** `recheck`: reconnect and be checked again (a role change); `removed`, `signedOut`: final, the browser shows the reason. */
export type CloseKind = "recheck" | "removed" | "signedOut";
export type ServerOrigin = { source: "server"; actorId: string | null; actorName: string };

export type CollabControl = {
  /** Closes live sockets matching the filter on every instance (recheck by default); returns how many closed here. */
  closeConnections(filter: ConnectionFilter, reason: string, kind?: CloseKind): number;
  /** Changes a workspace document on the server: persisted and shared like any participant's edit. */
  withDocument(workspaceId: string, change: (doc: Y.Doc) => void, origin: ServerOrigin): Promise<void>;
  /** Reads the current document (the live one, or loaded from the database) without changing it. */
  readDocument<T>(workspaceId: string, reader: (doc: Y.Doc) => T): Promise<T>;
  /** How many sockets are open to this plan on this instance (a live workshop). */
  connectedTo(workspaceId: string): number;
  /** The plan was deleted: its boards close, its live document is dropped unsaved, its stored edits purged. */
  forgetDocument(workspaceId: string, reason: string): Promise<void>;
};
