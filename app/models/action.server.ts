import { db } from "./db.server";

/** The projected actions of a workspace in board order (derived from the workspace document). */
export async function listActions(workspaceId: string) {
  return db().action.findMany({ where: { workspaceId }, orderBy: [{ order: "asc" }, { createdAt: "asc" }] });
}
