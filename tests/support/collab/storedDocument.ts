// What the database holds for a workspace, read the way a freshly started server would.
import * as Y from "yjs";
import { db } from "~/models/db.server";
import { flushSavedEdits } from "../../../server/collab/persistence";

/**
 * On SQLite, an in-process server's edits reach DocUpdate a moment after they are saved (its edit log,
 * server/collab/editLog.ts); this waits for them. A server in another process moves its own.
 */
export const savedEditsMoved = () => flushSavedEdits({ openIfClosed: false });

export async function storedDoc(workspaceId: string): Promise<Y.Doc> {
  await savedEditsMoved();
  const doc = new Y.Doc();
  const snapshot = await db().docSnapshot.findUnique({ where: { workspaceId } });
  if (snapshot) Y.applyUpdate(doc, snapshot.data);
  for (const row of await db().docUpdate.findMany({ where: { workspaceId }, orderBy: { id: "asc" } })) Y.applyUpdate(doc, row.data);
  return doc;
}

export async function storedText(workspaceId: string, name = "body"): Promise<string> {
  const doc = await storedDoc(workspaceId);
  const text = doc.getText(name).toString();
  doc.destroy();
  return text;
}

export async function rowCount(workspaceId: string): Promise<number> {
  await savedEditsMoved();
  return db().docUpdate.count({ where: { workspaceId } });
}

/** An organisation and workspace row, which the Action projection needs (Action rows reference Workspace). */
export async function createWorkspaceRow(workspaceId: string): Promise<void> {
  const org = await db().organisation.create({ data: { slug: `org-${workspaceId}`, name: `Council for ${workspaceId}` } });
  await db().workspace.create({ data: { id: workspaceId, orgId: org.id, name: `Plan ${workspaceId}` } });
}
