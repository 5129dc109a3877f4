// Guests who asked to hear when an action they shaped moves: their consent, and taking it back.
import { db } from "./db.server";

/** The guests of a workspace who gave an email with consent and have not withdrawn it (nor been removed). */
export async function consentingGuests(workspaceId: string) {
  const rows = await db().guest.findMany({
    where: { workspaceId, removedAt: null, emailConsentAt: { not: null }, email: { not: null }, unsubscribeToken: { not: null } },
    select: { id: true, displayName: true, email: true, linkOrigin: true, unsubscribeToken: true },
  });
  return rows.flatMap((g) => (g.email && g.unsubscribeToken ? [{ id: g.id, displayName: g.displayName, email: g.email, linkOrigin: g.linkOrigin, unsubscribeToken: g.unsubscribeToken }] : []));
}

/** Who an unsubscribe link belongs to (the link is the only proof needed), or null. */
export async function findFollowUpByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const guest = await db().guest.findUnique({ where: { unsubscribeToken: token }, select: { id: true, emailConsentAt: true, workspace: { select: { name: true, org: { select: { name: true } } } } } });
  return guest ? { subscribed: guest.emailConsentAt !== null, plan: guest.workspace.name, council: guest.workspace.org.name } : null;
}

/** Withdraws consent and forgets the email address; the link keeps working (it then says so). */
export async function unsubscribeByToken(token: string): Promise<boolean> {
  const { count } = await db().guest.updateMany({ where: { unsubscribeToken: token }, data: { emailConsentAt: null, email: null } });
  return count > 0;
}
