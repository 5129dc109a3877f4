// Collections of POET answers, always scoped by council in the query (a forgotten check cannot leak).
import { db } from "./db.server";

const summary = {
  id: true,
  orgId: true,
  name: true,
  survey: true,
  questionSetVersion: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  openCode: true,
  openLinkEnabled: true,
  contactRetentionUntil: true,
  paperDoubleEntry: true,
  createdAt: true,
  roundId: true,
  round: { select: { respondentCount: true } },
} as const;

/** This council's collections, newest first. */
export async function listCollections(orgId: string) {
  return db().collection.findMany({ where: { orgId }, select: summary, orderBy: { createdAt: "desc" } });
}

/** One collection of this council, or null. */
export async function findCollection(orgId: string, collectionId: string) {
  return db().collection.findFirst({ where: { id: collectionId, orgId }, select: summary });
}

/** The collection behind a round of this council, or null when the round was imported. */
export async function findCollectionOfRound(orgId: string, roundId: string) {
  return db().collection.findFirst({ where: { roundId, orgId }, select: summary });
}

/** The collection a public code opens (its open link or a personal code), with the personal code if it is one. */
export async function findCollectionByCode(kind: "open" | "personal", code: string) {
  const collection = { select: { ...summary, org: { select: { name: true } } } } as const;
  if (kind === "open") {
    const found = await db().collection.findUnique({ where: { openCode: code }, select: { ...summary, org: { select: { name: true } } } });
    return found && found.openLinkEnabled ? { collection: found, personalCode: null } : null;
  }
  const personal = await db().surveyCode.findUnique({ where: { code }, select: { id: true, code: true, usedAt: true, collection } });
  return personal ? { collection: personal.collection, personalCode: { id: personal.id, code: personal.code, usedAt: personal.usedAt } } : null;
}

/** How many answers came in each way, for the owner's page (counts only, never answers). */
export async function countBySource(roundId: string) {
  const rows = await db().respondent.groupBy({ by: ["source"], where: { roundId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.source, r._count._all]));
}

/** Personal codes of a collection: how many made, used and withdrawn. */
export async function countPersonalCodes(collectionId: string) {
  const [made, used, withdrawn] = await Promise.all([
    db().surveyCode.count({ where: { collectionId } }),
    db().surveyCode.count({ where: { collectionId, usedAt: { not: null } } }),
    db().surveyCode.count({ where: { collectionId, withdrawnAt: { not: null } } }),
  ]);
  return { made, used, withdrawn };
}

/** How many people answered in each group of each "about you" field; blanks count as "not said". */
export async function countByGroup(roundId: string) {
  const [ageBand, supportReason, budgetManagement] = await Promise.all(
    (["ageBand", "supportReason", "budgetManagement"] as const).map((field) => db().respondent.groupBy({ by: [field], where: { roundId }, _count: { _all: true } })),
  );
  const toMap = (rows: { _count: { _all: number } }[], key: (row: never) => string) => Object.fromEntries(rows.map((r) => [key(r as never), r._count._all]));
  return {
    ageBand: toMap(ageBand!, (r: { ageBand: string }) => r.ageBand),
    supportReason: toMap(supportReason!, (r: { supportReason: string }) => r.supportReason),
    budgetManagement: toMap(budgetManagement!, (r: { budgetManagement: string }) => r.budgetManagement),
  };
}

/** Personal codes of this council's collection that have not been used, oldest first (for printing letters). */
export async function listUnusedCodes(orgId: string, collectionId: string, limit = 500) {
  return db().surveyCode.findMany({ where: { collectionId, usedAt: null, collection: { orgId } }, select: { code: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { code: "asc" }], take: limit });
}

/** Turns second entry of paper sheets on or off for this council's collection. */
export async function setPaperDoubleEntry(orgId: string, collectionId: string, on: boolean) {
  await db().collection.updateMany({ where: { id: collectionId, orgId }, data: { paperDoubleEntry: on } });
}
