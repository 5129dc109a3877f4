import { randomBytes } from "node:crypto";
import { formatJoinCode } from "~/domain/access/joinCode";
import { db } from "./db.server";

/** A new code for one workspace, valid for the given hours. */
export async function createJoinCode(workspaceId: string, createdById: string, hours: number) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = formatJoinCode(randomBytes(8));
    const taken = await db().joinCode.findUnique({ where: { code }, select: { id: true } });
    if (taken) continue;
    return db().joinCode.create({ data: { workspaceId, code, createdById, expiresAt: new Date(Date.now() + hours * 3_600_000) } });
  }
  throw new Error("Could not create a unique join code; try again.");
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

/** A guest of the code's workspace; with followUp, they consented (now) to email about actions they shape. */
export async function createGuest(joinCode: { id: string; workspaceId: string }, displayName: string, followUp?: { email: string; linkOrigin: string }) {
  const consent = followUp ? { email: followUp.email, emailConsentAt: new Date(), linkOrigin: followUp.linkOrigin, unsubscribeToken: randomBytes(24).toString("base64url") } : {};
  return db().guest.create({ data: { joinCodeId: joinCode.id, workspaceId: joinCode.workspaceId, displayName, ...consent } });
}

export async function listGuests(workspaceId: string) {
  return db().guest.findMany({ where: { workspaceId, removedAt: null }, orderBy: { createdAt: "asc" }, include: { joinCode: { select: { code: true } } } });
}

/** Removes a guest from the workspace and ends their sessions. */
export async function removeGuest(workspaceId: string, guestId: string): Promise<{ displayName: string } | null> {
  const guest = await db().guest.findFirst({ where: { id: guestId, workspaceId, removedAt: null } });
  if (!guest) return null;
  await db().$transaction([db().guest.update({ where: { id: guest.id }, data: { removedAt: new Date() } }), db().session.deleteMany({ where: { guestId: guest.id } })]);
  return { displayName: guest.displayName };
}
