// The current state of a workspace document, for server rendering.
import * as Y from "yjs";
import type { CollabControl } from "./collabControl";

/** The document as one Yjs update, read through the live registry (so it includes edits not yet compacted); writes nothing. */
export async function readWorkspaceState(collab: CollabControl, workspaceId: string): Promise<Uint8Array> {
  return collab.readDocument(workspaceId, (doc) => Y.encodeStateAsUpdate(doc));
}
