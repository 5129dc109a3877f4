// Contact details people left only to hear back ("you said, we did"). They live in their own table
// with no link to any answer; this file is the only reader, and nothing here touches respondents.
import { recordAudit } from "~/models/audit.server";
import { db } from "~/models/db.server";

export type HearBackContact = { id: string; name: string; email: string; phone: string };

/**
 * The people who asked to hear back about a round of this council, for "you said, we did" messages.
 * Contacts past their collection's retention date are deleted first, so they are never returned.
 */
export async function listHearBackContacts(orgId: string, roundId: string, now = new Date()): Promise<HearBackContact[]> {
  await deleteExpiredContacts(now);
  return db().hearBackContact.findMany({
    where: { collection: { roundId, orgId } },
    select: { id: true, name: true, email: true, phone: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** How many people asked to hear back about a collection of this council (for the owner's page). */
export async function countHearBackContacts(orgId: string, collectionId: string): Promise<number> {
  return db().hearBackContact.count({ where: { collectionId, collection: { orgId } } });
}

/** Deletes every contact whose collection's retention date has passed; returns how many went. */
export async function deleteExpiredContacts(now = new Date()): Promise<number> {
  const expired = await db().collection.findMany({ where: { contactRetentionUntil: { lte: now }, contacts: { some: {} } }, select: { id: true, orgId: true, name: true } });
  let deleted = 0;
  for (const collection of expired) {
    const { count } = await db().hearBackContact.deleteMany({ where: { collectionId: collection.id } });
    deleted += count;
    // The log says how many, never who.
    if (count) await recordAudit({ orgId: collection.orgId, action: "hear-back-deleted", actorLabel: "retention date", detail: `${count} contact detail${count === 1 ? "" : "s"} for ${collection.name}` });
  }
  return deleted;
}

/** Deletes all contacts of a collection of this council now (an owner's choice). */
export async function deleteContactsNow(orgId: string, collectionId: string, actor: { id: string; email: string }, ip = ""): Promise<number> {
  const { count } = await db().hearBackContact.deleteMany({ where: { collectionId, collection: { orgId } } });
  if (count) await recordAudit({ orgId, action: "hear-back-deleted", actorId: actor.id, actorLabel: actor.email, detail: `${count} contact detail${count === 1 ? "" : "s"} deleted by hand`, ip });
  return count;
}

export type HearBackRecipient = { id: string; name: string; email: string; linkOrigin: string; unsubscribeToken: string };

/**
 * The people who can be emailed about rounds of this council: they left an email, and the contact has the
 * address the survey was answered at and its own unsubscribe token (older contacts have neither, so they
 * are never emailed: an email must always carry a working way to stop). Expired contacts go first.
 */
export async function listHearBackRecipients(orgId: string, roundIds: readonly string[], now = new Date()): Promise<HearBackRecipient[]> {
  if (roundIds.length === 0) return [];
  await deleteExpiredContacts(now);
  const rows = await db().hearBackContact.findMany({
    where: { collection: { roundId: { in: [...roundIds] }, orgId }, email: { not: "" }, linkOrigin: { not: "" }, unsubscribeToken: { not: null } },
    select: { id: true, name: true, email: true, linkOrigin: true, unsubscribeToken: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.flatMap((r) => (r.unsubscribeToken ? [{ ...r, unsubscribeToken: r.unsubscribeToken }] : []));
}

/** Whose unsubscribe link this is (the link is the only proof needed): the survey and council, or null. */
export async function findHearBackByToken(token: string): Promise<{ survey: string; council: string } | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const contact = await db().hearBackContact.findUnique({ where: { unsubscribeToken: token }, select: { collection: { select: { name: true, org: { select: { name: true } } } } } });
  return contact ? { survey: contact.collection.name, council: contact.collection.org.name } : null;
}

/** Stops the emails by deleting the contact altogether (name, email and phone); true when one went. */
export async function unsubscribeHearBack(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return false;
  const { count } = await db().hearBackContact.deleteMany({ where: { unsubscribeToken: token } });
  return count > 0;
}
