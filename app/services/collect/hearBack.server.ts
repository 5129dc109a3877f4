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
