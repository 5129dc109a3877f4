import { db } from "./db.server";

const workspaceSummary = { id: true, name: true, createdAt: true, orgId: true, org: { select: { id: true, slug: true, name: true } } } as const;

/** A workspace the user can reach through a membership of its council, with their role; null otherwise. */
export async function findWorkspaceForMember(workspaceId: string, userId: string) {
  const workspace = await db().workspace.findFirst({
    where: { id: workspaceId, org: { memberships: { some: { userId } } } },
    select: { ...workspaceSummary, org: { select: { id: true, slug: true, name: true, memberships: { where: { userId }, select: { role: true } } } } },
  });
  if (!workspace) return null;
  const { memberships, ...org } = workspace.org;
  return { workspace: { ...workspace, org }, role: memberships[0]!.role };
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

export async function listWorkspaces(orgId: string) {
  return db().workspace.findMany({
    where: { orgId },
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

