import { createHash, randomBytes } from "node:crypto";
import { db } from "./db.server";

export const RESET_HOURS = 24;
const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a single-use reset token for a user (by a council owner); returns the token to hand over. */
export async function issuePasswordReset(userId: string, createdById: string): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db().passwordReset.create({ data: { userId, createdById, tokenHash: digest(token), expiresAt: new Date(Date.now() + RESET_HOURS * 3_600_000) } });
  return token;
}

export async function findPasswordReset(token: string) {
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: digest(token) }, include: { user: { select: { id: true, email: true, name: true } } } });
  if (!reset || reset.usedAt || reset.expiresAt < new Date()) return null;
  return reset;
}

/** Marks the token used; false when it was already used or expired (single use, even under a race). */
export async function consumePasswordReset(token: string): Promise<{ userId: string } | null> {
  const reset = await findPasswordReset(token);
  if (!reset) return null;
  const { count } = await db().passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
  return count === 1 ? { userId: reset.userId } : null;
}
