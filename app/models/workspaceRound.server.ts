import { db } from "./db.server";
import { byRoundDate } from "./roundRecord.server";

export type WorkspaceRound = Awaited<ReturnType<typeof listWorkspaceRounds>>[number];

/** The POET rounds a workspace works from, newest survey first (fieldwork date, else import time) (scoped to the workspace's own council). */
export async function listWorkspaceRounds(workspaceId: string, orgId: string) {
  const rows = await db().workspaceRound.findMany({
    where: { workspaceId, workspace: { orgId }, round: { orgId } },
    select: { round: { select: { id: true, name: true, isSynthetic: true, importedAt: true, questionSetVersion: true, fieldworkStart: true, fieldworkEnd: true } } },
  });
  return rows.map((r) => r.round).sort((a, b) => byRoundDate(b, a));
}

/**
 * The council and round a guest may read: only a round the guest's own workspace is built on, and only
 * under that workspace's council slug (scope in the query); null for anything else.
 */
export async function findPlanRoundForGuest(orgSlug: string, roundId: string, guestWorkspaceId: string) {
  const link = await db().workspaceRound.findFirst({
    where: { workspaceId: guestWorkspaceId, roundId, workspace: { org: { slug: orgSlug } }, round: { org: { slug: orgSlug } } },
    select: { workspace: { select: { id: true, name: true, org: { select: { id: true, slug: true, name: true } } } } },
  });
  return link ? { org: link.workspace.org, workspace: { id: link.workspace.id, name: link.workspace.name } } : null;
}

/** The council of a guest's workspace when its slug is this one (the council layout for a guest); else null. */
export async function findGuestCouncil(orgSlug: string, guestWorkspaceId: string) {
  const workspace = await db().workspace.findFirst({
    where: { id: guestWorkspaceId, org: { slug: orgSlug } },
    select: { id: true, name: true, org: { select: { id: true, slug: true, name: true } } },
  });
  return workspace ? { org: workspace.org, workspace: { id: workspace.id, name: workspace.name } } : null;
}
