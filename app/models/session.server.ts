import { randomBytes } from "node:crypto";
import { db } from "./db.server";
import { rawDate } from "./rawValues";

export const SESSION_DAYS = 30;
const TOUCH_EVERY_MS = 60 * 60 * 1000;


export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSessionRecord(input: { userId?: string; guestId?: string; expiresAt?: Date; userAgent: string; ip: string }) {
  const expiresAt = input.expiresAt ?? new Date(Date.now() + SESSION_DAYS * 86_400_000);
  return db().session.create({
    data: { id: newSessionId(), userId: input.userId ?? null, guestId: input.guestId ?? null, expiresAt, userAgent: input.userAgent.slice(0, 300), ip: input.ip },
  });
}

type SessionRow = {
  expiresAt: unknown;
  lastSeenAt: unknown;
  userId: string | null;
  email: string | null;
  userName: string | null;
  guestId: string | null;
  guestName: string | null;
  guestWorkspaceId: string | null;
  guestRemovedAt: unknown;
};

/**
 * A live session with its user or guest (removed guests and expired sessions count as none). Every page
 * request asks this, so it is one raw query (Prisma compiles each model query anew, about 2 ms of CPU).
 */
export async function findSession(id: string): Promise<SessionForPlan["session"] | null> {
  const [row] = await db().$queryRaw<SessionRow[]>`
    SELECT s."expiresAt" AS "expiresAt", s."lastSeenAt" AS "lastSeenAt",
           u."id" AS "userId", u."email" AS "email", u."name" AS "userName",
           g."id" AS "guestId", g."displayName" AS "guestName", g."workspaceId" AS "guestWorkspaceId", g."removedAt" AS "guestRemovedAt"
    FROM "Session" s
    LEFT JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Guest" g ON g."id" = s."guestId"
    WHERE s."id" = ${id}`;
  return row ? liveSession(id, row) : null;
}

/** The session of a row (findSession's or findSessionForPlan's), touched when last seen long ago; null when it has ended. */
async function liveSession(id: string, row: SessionRow): Promise<SessionForPlan["session"] | null> {
  const expiresAt = rawDate(row.expiresAt)!;
  if (expiresAt < new Date() || rawDate(row.guestRemovedAt)) return null;
  const lastSeenAt = rawDate(row.lastSeenAt)!;
  if (Date.now() - lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
  }
  const user = row.userId ? { id: row.userId, email: row.email!, name: row.userName! } : null;
  const guest = row.guestId ? { id: row.guestId, displayName: row.guestName!, workspaceId: row.guestWorkspaceId! } : null;
  return { expiresAt, user, guest };
}

type SessionPlanRow = SessionRow & {
  workspaceId: string | null;
  workspaceName: string | null;
  workspaceCreatedAt: unknown;
  archivedAt: unknown;
  orgId: string | null;
  orgSlug: string | null;
  orgName: string | null;
  role: string | null;
};

export type SessionForPlan = {
  session: { expiresAt: Date; user: { id: string; email: string; name: string } | null; guest: { id: string; displayName: string; workspaceId: string } | null };
  /** The plan with its council, and the member's role in that council (null: not a member, or a guest). */
  workspace: { id: string; name: string; createdAt: Date; archivedAt: Date | null; orgId: string; org: { id: string; slug: string; name: string } } | null;
  role: string | null;
};

/**
 * findSession and the plan a socket opens, with the member's role in the plan's council, in one query (a
 * socket's access check: one database round trip per socket, see server/collabAuth.ts).
 */
export async function findSessionForPlan(id: string, workspaceId: string): Promise<SessionForPlan | null> {
  const [row] = await db().$queryRaw<SessionPlanRow[]>`
    SELECT s."expiresAt" AS "expiresAt", s."lastSeenAt" AS "lastSeenAt",
           u."id" AS "userId", u."email" AS "email", u."name" AS "userName",
           g."id" AS "guestId", g."displayName" AS "guestName", g."workspaceId" AS "guestWorkspaceId", g."removedAt" AS "guestRemovedAt",
           w."id" AS "workspaceId", w."name" AS "workspaceName", w."createdAt" AS "workspaceCreatedAt", w."archivedAt" AS "archivedAt",
           o."id" AS "orgId", o."slug" AS "orgSlug", o."name" AS "orgName", m."role" AS "role"
    FROM "Session" s
    LEFT JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Guest" g ON g."id" = s."guestId"
    LEFT JOIN "Workspace" w ON w."id" = ${workspaceId}
    LEFT JOIN "Organisation" o ON o."id" = w."orgId"
    LEFT JOIN "Membership" m ON m."orgId" = w."orgId" AND m."userId" = s."userId"
    WHERE s."id" = ${id}`;
  if (!row) return null;
  const session = await liveSession(id, row);
  if (!session) return null;
  const workspace =
    row.workspaceId && row.orgId
      ? {
          id: row.workspaceId,
          name: row.workspaceName!,
          createdAt: rawDate(row.workspaceCreatedAt)!,
          archivedAt: rawDate(row.archivedAt),
          orgId: row.orgId,
          org: { id: row.orgId, slug: row.orgSlug!, name: row.orgName! },
        }
      : null;
  return { session, workspace, role: row.role };
}

export async function deleteSession(id: string): Promise<void> {
  await db().session.deleteMany({ where: { id } });
}

export async function listUserSessions(userId: string) {
  return db().session.findMany({ where: { userId, expiresAt: { gt: new Date() } }, orderBy: { lastSeenAt: "desc" } });
}

/** Signs the user out everywhere except the given session; returns the ids of the sessions ended. */
export async function deleteOtherSessions(userId: string, keepId: string): Promise<string[]> {
  const others = await db().session.findMany({ where: { userId, id: { not: keepId } }, select: { id: true } });
  const ids = others.map((session) => session.id);
  if (ids.length) await db().session.deleteMany({ where: { userId, id: { in: ids } } });
  return ids;
}

export async function deleteUserSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db().session.deleteMany({ where: { userId, id: sessionId } });
  return count > 0;
}

/** Ends every session of a user (after a password reset). */
export async function deleteAllUserSessions(userId: string): Promise<void> {
  await db().session.deleteMany({ where: { userId } });
}
