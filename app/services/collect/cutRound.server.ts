// Cutting an open-ended collection into rounds by date range (docs/decisions/022): the answers that
// arrived in the chosen months move, in one transaction, from the collection's growing round into a
// new round of their own, which then reads like any imported round (fieldwork dates = those months).
// Answers keep their ids, so a person can still withdraw theirs by personal code.
import { randomBytes } from "node:crypto";
import { recordAudit } from "~/models/audit.server";
import { db, writeTransaction } from "~/models/db.server";

export type CutResult = { status: "cut"; roundId: string; moved: number } | { status: "refused"; message: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The prefix of the file key of rounds cut from a collection: lists them on the collection's page. */
export const cutKeyPrefix = (collectionId: string) => `collection:${collectionId}:cut:`;

function monthLabel(month: string) {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

export async function cutCollectionRound(orgId: string, collectionId: string, input: { name: string; from: string; to: string }, actor: { id: string; email: string }, ip?: string): Promise<CutResult> {
  if (!MONTH.test(input.from) || !MONTH.test(input.to)) return { status: "refused", message: "Choose the first and last month as a month and year, like 2027-01." };
  if (input.from > input.to) return { status: "refused", message: `The first month (${monthLabel(input.from)}) is after the last (${monthLabel(input.to)}). Swap them.` };
  const name = input.name.trim();
  if (!name || name.length > 120) return { status: "refused", message: "Give the new round a name of 1 to 120 characters, like “Reviews January to March 2027”." };
  const collection = await db().collection.findFirst({ where: { id: collectionId, orgId }, select: { id: true, name: true, roundId: true, closesAt: true, questionSetVersion: true } });
  if (!collection) return { status: "refused", message: "We could not find that collection." };
  if (collection.closesAt) return { status: "refused", message: "Only open-ended collections are cut into rounds; this one has a closing date, so it is one round." };
  const [fy, fm] = input.from.split("-").map(Number) as [number, number];
  const [ty, tm] = input.to.split("-").map(Number) as [number, number];
  const result = await writeTransaction(async (tx) => {
    const round = await tx.poetRound.create({
      data: {
        orgId,
        name,
        questionSetVersion: collection.questionSetVersion,
        kind: "respondents",
        fileName: "Collected in the app",
        fileSha256: `${cutKeyPrefix(collection.id)}${randomBytes(8).toString("hex")}`,
        respondentCount: 0,
        importedById: actor.id,
        fieldworkStart: new Date(Date.UTC(fy, fm - 1, 1)),
        fieldworkEnd: new Date(Date.UTC(ty, tm, 0)),
      },
    });
    const moved = await tx.respondent.updateMany({ where: { roundId: collection.roundId, collectedMonth: { gte: input.from, lte: input.to } }, data: { roundId: round.id } });
    if (moved.count === 0) throw new NothingToCut();
    await tx.poetRound.update({ where: { id: round.id }, data: { respondentCount: moved.count } });
    await tx.poetRound.update({ where: { id: collection.roundId }, data: { respondentCount: { decrement: moved.count }, revision: { increment: 1 } } });
    return { roundId: round.id, moved: moved.count };
  }).catch((error: unknown) => {
    if (error instanceof NothingToCut) return null;
    throw error;
  });
  const range = input.from === input.to ? monthLabel(input.from) : `${monthLabel(input.from)} to ${monthLabel(input.to)}`;
  if (!result) return { status: "refused", message: `No answers in this collection arrived in ${range}, so there is nothing to cut.` };
  await recordAudit({ orgId, action: "collection-cut", actorId: actor.id, actorLabel: actor.email, detail: `${result.moved} answers from ${range} of ${collection.name} into round ${name}`, ip });
  return { status: "cut", ...result };
}

class NothingToCut extends Error {}

/** Rounds already cut from this collection, oldest fieldwork first. */
export async function roundsCutFrom(orgId: string, collectionId: string) {
  return db().poetRound.findMany({
    where: { orgId, fileSha256: { startsWith: cutKeyPrefix(collectionId) } },
    select: { id: true, name: true, respondentCount: true, fieldworkStart: true, fieldworkEnd: true },
    orderBy: { fieldworkStart: "asc" },
  });
}
