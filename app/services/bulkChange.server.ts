// Changes many actions at once through the collaboration server, so live workshops see it at once
// and history records who did it.
import { updateAction, type ActionChange } from "~/domain/workspace";
import type { CollabControl } from "./collabControl";

export type BulkResult = { changed: number; missing: string[] };

/** Applies one change to each listed action in one server-side transaction; unknown ids are reported, not fatal. */
export async function applyBulkChange(
  collab: CollabControl,
  workspaceId: string,
  ids: readonly string[],
  change: ActionChange,
  actor: { actorId: string | null; actorName: string },
): Promise<BulkResult> {
  const missing: string[] = [];
  let changed = 0;
  await collab.withDocument(
    workspaceId,
    (doc) => {
      for (const id of ids) {
        try {
          updateAction(doc, id, change);
          changed++;
        } catch {
          missing.push(id);
        }
      }
    },
    { source: "server", ...actor },
  );
  return { changed, missing };
}
