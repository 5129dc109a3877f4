import { db } from "./db.server";

export type WorkspaceRound = Awaited<ReturnType<typeof listWorkspaceRounds>>[number];

/** The POET rounds a workspace works from, newest first (scoped to the workspace's own council). */
export async function listWorkspaceRounds(workspaceId: string, orgId: string) {
  const rows = await db().workspaceRound.findMany({
    where: { workspaceId, workspace: { orgId }, round: { orgId } },
    select: { round: { select: { id: true, name: true, isSynthetic: true, importedAt: true, questionSetVersion: true } } },
  });
  return rows.map((r) => r.round).sort((a, b) => b.importedAt.getTime() - a.importedAt.getTime());
}
