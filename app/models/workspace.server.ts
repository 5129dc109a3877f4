import { db, writeTransaction } from "./db.server";
import { rawDate } from "./rawValues";

const workspaceSummary = { id: true, name: true, createdAt: true, archivedAt: true, orgId: true, org: { select: { id: true, slug: true, name: true } } } as const;

type MemberWorkspaceRow = { id: string; name: string; createdAt: unknown; archivedAt: unknown; orgId: string; orgSlug: string; orgName: string; role: string };

/**
 * A workspace the user can reach through a membership of its council, with their role; null otherwise.
 * Every plan page asks this for its visitor, so it is one raw query (a Prisma model query is compiled anew each time).
 */
export async function findWorkspaceForMember(workspaceId: string, userId: string) {
  const [row] = await db().$queryRaw<MemberWorkspaceRow[]>`
    SELECT w."id" AS "id", w."name" AS "name", w."createdAt" AS "createdAt", w."archivedAt" AS "archivedAt", w."orgId" AS "orgId",
           o."slug" AS "orgSlug", o."name" AS "orgName", m."role" AS "role"
    FROM "Workspace" w
    JOIN "Organisation" o ON o."id" = w."orgId"
    JOIN "Membership" m ON m."orgId" = w."orgId" AND m."userId" = ${userId}
    WHERE w."id" = ${workspaceId}`;
  if (!row) return null;
  const workspace = { id: row.id, name: row.name, createdAt: rawDate(row.createdAt)!, archivedAt: rawDate(row.archivedAt), orgId: row.orgId, org: { id: row.orgId, slug: row.orgSlug, name: row.orgName } };
  return { workspace, role: row.role };
}

/** The workspace a guest belongs to (only that one). */
export async function findWorkspaceForGuest(workspaceId: string, guestWorkspaceId: string) {
  if (workspaceId !== guestWorkspaceId) return null;
  return db().workspace.findUnique({ where: { id: workspaceId }, select: workspaceSummary });
}

/** The ids of every plan in a council (to close a person's sockets in that council only). */
export async function listWorkspaceIds(orgId: string): Promise<string[]> {
  const rows = await db().workspace.findMany({ where: { orgId }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** The council's plans in use (archived plans are listed separately by listArchivedWorkspaces). */
export async function listWorkspaces(orgId: string) {
  return db().workspace.findMany({
    where: { orgId, archivedAt: null },
    select: { id: true, name: true, createdAt: true, _count: { select: { actions: true } }, rounds: { select: { round: { select: { id: true, name: true } } } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function createWorkspace(input: { orgId: string; name: string; createdById: string; roundIds: string[] }) {
  const rounds = await db().poetRound.findMany({ where: { orgId: input.orgId, id: { in: input.roundIds } }, select: { id: true } });
  return db().workspace.create({
    data: { orgId: input.orgId, name: input.name, createdById: input.createdById, rounds: { create: rounds.map((r) => ({ roundId: r.id })) } },
  });
}


/** The council's archived plans, most recently archived first. */
export async function listArchivedWorkspaces(orgId: string) {
  return db().workspace.findMany({
    where: { orgId, archivedAt: { not: null } },
    select: { id: true, name: true, archivedAt: true, _count: { select: { actions: true } } },
    orderBy: { archivedAt: "desc" },
  });
}

/** Renames a plan of this council; false when there is no such plan in it. */
export async function renameWorkspace(orgId: string, workspaceId: string, name: string): Promise<boolean> {
  return (await db().workspace.updateMany({ where: { id: workspaceId, orgId }, data: { name } })).count === 1;
}

/** Archives (at a moment) or restores (null) a plan of this council; false when nothing changed. */
export async function setWorkspaceArchived(orgId: string, workspaceId: string, archivedAt: Date | null): Promise<boolean> {
  const where = { id: workspaceId, orgId, archivedAt: archivedAt ? null : { not: null } };
  return (await db().workspace.updateMany({ where, data: { archivedAt } })).count === 1;
}

/**
 * Deletes a plan of this council and everything recorded about it: actions, milestones, guests and join
 * codes (by cascade), and the rows kept without a relation (action history, progress updates with their
 * corrections, notifications). The live document's storage is purged separately (CollabControl.forgetDocument).
 * Returns what went, or null when there is no such plan in this council.
 */
export async function deleteWorkspace(orgId: string, workspaceId: string): Promise<{ actions: number } | null> {
  return writeTransaction(async (tx) => {
    const plan = await tx.workspace.findFirst({ where: { id: workspaceId, orgId }, select: { _count: { select: { actions: true } } } });
    if (!plan) return null;
    await tx.notification.deleteMany({ where: { workspaceId } });
    await tx.progressUpdate.deleteMany({ where: { workspaceId } });
    await tx.actionEvent.deleteMany({ where: { workspaceId } });
    await tx.workspace.delete({ where: { id: workspaceId } });
    return { actions: plan._count.actions };
  });
}
