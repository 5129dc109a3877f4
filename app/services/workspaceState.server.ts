// The current state of a workspace document, for server rendering.
import * as Y from "yjs";
import type { CollabControl } from "./collabControl";

const READER = { source: "server", actorId: null, actorName: "Page render (read only)" } as const;

/** The document as one Yjs update; reads through the live registry, so it includes unsaved-yet-broadcast edits. An empty transaction writes nothing. */
export async function readWorkspaceState(collab: CollabControl, workspaceId: string): Promise<Uint8Array> {
  let state: Uint8Array = new Uint8Array();
  await collab.withDocument(workspaceId, (doc) => {
    state = Y.encodeStateAsUpdate(doc);
  }, READER);
  return state;
}
