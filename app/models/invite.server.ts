import { createHash, randomBytes } from "node:crypto";
import type { Role } from "~/domain/access/permissions";
import { db, writeTransaction } from "./db.server";

export const INVITE_DAYS = 7;
const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** A single-use invitation link token (only its hash is stored). */
export async function createInvite(input: { orgId: string; role: Role; email: string; createdById: string }) {
  const token = randomBytes(24).toString("base64url");
  const invite = await db().invite.create({
    data: { orgId: input.orgId, role: input.role, email: input.email, tokenHash: digest(token), expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000), createdById: input.createdById },
  });
  return { invite, token };
}

export async function listPendingInvites(orgId: string) {
  return db().invite.findMany({ where: { orgId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
}

export async function revokeInvite(orgId: string, inviteId: string): Promise<boolean> {
  const { count } = await db().invite.updateMany({ where: { id: inviteId, orgId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

export type InviteState = "valid" | "used" | "revoked" | "expired" | "unknown";

export async function findInvite(token: string) {
  const invite = await db().invite.findUnique({ where: { tokenHash: digest(token) }, include: { org: { select: { id: true, slug: true, name: true } } } });
  if (!invite) return { state: "unknown" as const, invite: null };
  const state: InviteState = invite.usedAt ? "used" : invite.revokedAt ? "revoked" : invite.expiresAt < new Date() ? "expired" : "valid";
  return { state, invite };
}

/** Uses the invitation once: the user joins (or keeps a higher existing role). Null when it is not valid any more. */
export async function acceptInvite(token: string, userId: string) {
  return writeTransaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: digest(token) }, include: { org: { select: { id: true, slug: true, name: true } } } });
    if (!invite || invite.usedAt || invite.revokedAt || invite.expiresAt < new Date()) return null;
    const { count } = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date(), usedById: userId } });
    if (count === 0) return null;
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invite.orgId, userId } } });
    if (!existing) await tx.membership.create({ data: { orgId: invite.orgId, userId, role: invite.role } });
    return { org: invite.org, role: existing ? existing.role : invite.role };
  });
}
