import { randomBytes } from "node:crypto";
import { formatJoinCode } from "~/domain/access/joinCode";
import { db } from "./db.server";

/** A new code for one workspace, valid for the given hours (or until the given moment). */
export async function createJoinCode(workspaceId: string, createdById: string, hours: number, expiresAt = new Date(Date.now() + hours * 3_600_000)) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = formatJoinCode(randomBytes(8));
    const taken = await db().joinCode.findUnique({ where: { code }, select: { id: true } });
    if (taken) continue;
    return db().joinCode.create({ data: { workspaceId, code, createdById, expiresAt } });
  }
  throw new Error("Could not create a unique join code; try again.");
}

/** Ends a working code and creates a new one that works until the same time; null when it had already ended. */
export async function replaceJoinCode(workspaceId: string, joinCodeId: string, createdById: string) {
  const old = await db().joinCode.findFirst({ where: { id: joinCodeId, workspaceId, endedAt: null, expiresAt: { gt: new Date() } } });
  if (!old || !(await endJoinCode(workspaceId, old.id))) return null;
  const fresh = await createJoinCode(workspaceId, createdById, 0, old.expiresAt);
  return { old: old.code, code: fresh.code };
}

export async function listJoinCodes(workspaceId: string) {
  return db().joinCode.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: 20 });
}

/** The code when it can still be used to join, else null. */
export async function findUsableJoinCode(code: string) {
  const joinCode = await db().joinCode.findUnique({ where: { code }, include: { workspace: { select: { id: true, name: true, org: { select: { name: true } } } } } });
  if (!joinCode || joinCode.endedAt || joinCode.expiresAt < new Date()) return null;
  return joinCode;
}

export async function endJoinCode(workspaceId: string, joinCodeId: string): Promise<boolean> {
  const { count } = await db().joinCode.updateMany({ where: { id: joinCodeId, workspaceId, endedAt: null }, data: { endedAt: new Date() } });
  return count > 0;
}

/** A guest of the code's workspace from this browser; with followUp, they consented (now) to email about actions they shape. */
export async function createGuest(
  joinCode: { id: string; workspaceId: string },
  displayName: string,
  deviceId = "",
  followUp?: { email: string; linkOrigin: string },
) {
  const consent = followUp ? { email: followUp.email, emailConsentAt: new Date(), linkOrigin: followUp.linkOrigin, unsubscribeToken: randomBytes(24).toString("base64url") } : {};
  return db().guest.create({ data: { joinCodeId: joinCode.id, workspaceId: joinCode.workspaceId, displayName, deviceId, ...consent } });
}

/** True when a guest who joined from this browser was removed from the workspace and not let back in. */
export async function isRemovedFromWorkspace(workspaceId: string, deviceId: string): Promise<boolean> {
  if (!deviceId) return false;
  const found = await db().guest.findFirst({ where: { workspaceId, deviceId, removedAt: { not: null }, readmittedAt: null }, select: { id: true } });
  return found !== null;
}

/** Guests removed from the workspace and not yet let back in, most recent first. */
export async function listRemovedGuests(workspaceId: string) {
  return db().guest.findMany({
    where: { workspaceId, removedAt: { not: null }, readmittedAt: null },
    orderBy: { removedAt: "desc" },
    take: 50,
    include: { joinCode: { select: { code: true } } },
  });
}

/** Lets a removed guest join again (with a working code, as a new guest); null when there was nobody to let back. */
export async function readmitGuest(workspaceId: string, guestId: string): Promise<{ displayName: string } | null> {
  const guest = await db().guest.findFirst({ where: { id: guestId, workspaceId, removedAt: { not: null }, readmittedAt: null } });
  if (!guest) return null;
  const { count } = await db().guest.updateMany({ where: { id: guest.id, readmittedAt: null }, data: { readmittedAt: new Date() } });
  return count === 1 ? { displayName: guest.displayName } : null;
}

export async function listGuests(workspaceId: string) {
  return db().guest.findMany({ where: { workspaceId, removedAt: null }, orderBy: { createdAt: "asc" }, include: { joinCode: { select: { code: true } } } });
}

/** Removes a guest from the workspace and ends their sessions; the browser they joined from cannot rejoin. */
export async function removeGuest(workspaceId: string, guestId: string): Promise<{ displayName: string; code: string; joinCodeId: string } | null> {
  const guest = await db().guest.findFirst({ where: { id: guestId, workspaceId, removedAt: null }, include: { joinCode: { select: { code: true } } } });
  if (!guest) return null;
  await db().$transaction([db().guest.update({ where: { id: guest.id }, data: { removedAt: new Date() } }), db().session.deleteMany({ where: { guestId: guest.id } })]);
  return { displayName: guest.displayName, code: guest.joinCode.code, joinCodeId: guest.joinCodeId };
}
