import { randomBytes } from "node:crypto";
import { db } from "./db.server";

export const SESSION_DAYS = 30;
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export type SessionRecord = Awaited<ReturnType<typeof findSession>>;

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSessionRecord(input: { userId?: string; guestId?: string; expiresAt?: Date; userAgent: string; ip: string }) {
  const expiresAt = input.expiresAt ?? new Date(Date.now() + SESSION_DAYS * 86_400_000);
  return db().session.create({
    data: { id: newSessionId(), userId: input.userId ?? null, guestId: input.guestId ?? null, expiresAt, userAgent: input.userAgent.slice(0, 300), ip: input.ip },
  });
}

/** A live session with its user or guest (removed guests and expired sessions count as none). */
export async function findSession(id: string) {
  const session = await db().session.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, email: true, name: true } },
      guest: { select: { id: true, displayName: true, workspaceId: true, removedAt: true } },
    },
  });
  if (!session || session.expiresAt < new Date() || session.guest?.removedAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
  }
  return session;
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
