// What the database holds for a workspace, read the way a freshly started server would.
import * as Y from "yjs";
import { db } from "~/models/db.server";

/**
 * Reads the update rows before the snapshot: a compaction that commits between the two reads folds those rows
 * into the snapshot read after them, so the document is whole either way (applying an update twice is harmless).
 */
export async function storedDoc(workspaceId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const rows = await db().docUpdate.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
  const snapshot = await db().docSnapshot.findUnique({ where: { workspaceId } });
  if (snapshot) Y.applyUpdate(doc, snapshot.data);
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return doc;
}

export async function storedText(workspaceId: string, name = "body"): Promise<string> {
  const doc = await storedDoc(workspaceId);
  const text = doc.getText(name).toString();
  doc.destroy();
  return text;
}

export async function rowCount(workspaceId: string): Promise<number> {
  return db().docUpdate.count({ where: { workspaceId } });
}

/** An organisation and workspace row, which the Action projection needs (Action rows reference Workspace). */
export async function createWorkspaceRow(workspaceId: string): Promise<void> {
  const org = await db().organisation.create({ data: { slug: `org-${workspaceId}`, name: `Council for ${workspaceId}` } });
  await db().workspace.create({ data: { id: workspaceId, orgId: org.id, name: `Plan ${workspaceId}` } });
}
