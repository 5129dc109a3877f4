import { db } from "./db.server";
import { isOwnedBy } from "~/domain/tracking/filters";

export async function listNotifications(userId: string, take = 100) {
  return db().notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
}

export async function unreadCount(userId: string): Promise<number> {
  // Every signed-in page shows it (the root loader): one raw query, not a Prisma model query compiled anew each time.
  const [row] = await db().$queryRaw<{ unread: unknown }[]>`SELECT COUNT(*) AS "unread" FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`;
  return Number(row?.unread ?? 0);
}

/** Marks one (scoped to its owner) or all of a user's notifications read; returns how many changed. */
export async function markRead(userId: string, notificationId?: string): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { userId, readAt: null, ...(notificationId ? { id: notificationId } : {}) }, data: { readAt: new Date() } });
  return count;
}

export async function markUnread(userId: string, notificationId: string): Promise<number> {
  const { count } = await db().notification.updateMany({ where: { userId, id: notificationId }, data: { readAt: null } });
  return count;
}

/** Open actions, in councils the user belongs to, that they own (see isOwnedBy) and whose date has passed. */
export async function overdueActionsOwnedBy(userId: string, name: string, today: string) {
  const actions = await db().action.findMany({
    where: {
      due: { lt: today },
      status: { not: "complete" },
      workspace: { org: { memberships: { some: { userId } } } },
      OR: [{ ownerId: userId }, ...(name.trim() ? [{ ownerId: null }] : [])],
    },
    select: { id: true, title: true, owner: true, ownerId: true, due: true, workspaceId: true, workspace: { select: { name: true } } },
    orderBy: { due: "asc" },
  });
  return actions.filter((a) => isOwnedBy(a, { id: userId, name }));
}
