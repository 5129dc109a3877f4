// What the app layer may ask of the live-collaboration server (passed in the Remix load context).
import type * as Y from "yjs";

export type ConnectionFilter = { userId?: string; guestId?: string; workspaceId?: string };
export type ServerOrigin = { source: "server"; actorId: string | null; actorName: string };

export type CollabControl = {
  /** Closes live sockets matching the filter so they reconnect and are checked again; returns how many. */
  closeConnections(filter: ConnectionFilter, reason: string): number;
  /** Changes a workspace document on the server: persisted and shared like any participant's edit. */
  withDocument(workspaceId: string, change: (doc: Y.Doc) => void, origin: ServerOrigin): Promise<void>;
  /** Reads the current document (the live one, or loaded from the database) without changing it. */
  readDocument<T>(workspaceId: string, reader: (doc: Y.Doc) => T): Promise<T>;
};
