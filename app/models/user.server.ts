import { hash, verify } from "@node-rs/argon2";
import { db } from "./db.server";

export type UserSummary = { id: string; email: string; name: string };
const summary = { id: true, email: true, name: true } as const;

// Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
let decoyHash: Promise<string> | null = null;

export async function createUser(input: { email: string; name: string; password: string }): Promise<UserSummary> {
  return db().user.create({ data: { email: input.email, name: input.name, passwordHash: await hash(input.password) }, select: summary });
}

export async function findUserByEmail(email: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { email }, select: summary });
}

export async function getUser(id: string): Promise<UserSummary | null> {
  return db().user.findUnique({ where: { id }, select: summary });
}

/** The user when email and password match, otherwise null, taking similar time either way. */
export async function verifyLogin(email: string, password: string): Promise<UserSummary | null> {
  const user = await db().user.findUnique({ where: { email } });
  // No account, or one that signs in only through its council's identity provider (no password set).
  if (!user || !user.passwordHash) {
    decoyHash ??= hash("decoy-password-for-timing");
    await verify(await decoyHash, password);
    return null;
  }
  if (!(await verify(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function setPassword(userId: string, password: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hash(password) } });
}

export async function checkPassword(userId: string, password: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ? verify(user.passwordHash, password) : false;
}

/** The person's weekly reminder choices. */
export async function reminderChoices(userId: string): Promise<{ ownerDigest: boolean; facilitatorDigest: boolean }> {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { ownerDigest: true, facilitatorDigest: true } });
}

export async function saveReminderChoices(userId: string, choices: { ownerDigest: boolean; facilitatorDigest: boolean }): Promise<void> {
  await db().user.update({ where: { id: userId }, data: choices });
}
