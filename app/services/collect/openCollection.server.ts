// Opening and closing a collection. A collection fills exactly one PoetRound, so collected answers
// take the same analysis path as an imported file (docs/decisions/012).
import { randomBytes } from "node:crypto";
import { formatSurveyCode } from "~/domain/collect";
import { findSurvey, getQuestionSet, type Survey } from "~/domain/poet";
import { recordAudit } from "~/models/audit.server";
import { db, writeTransaction } from "~/models/db.server";

export type OpenCollectionInput = {
  orgId: string;
  name: string;
  questionSetVersion: string;
  survey: Survey;
  opensAt: Date;
  closesAt: Date | null;
  contactRetentionUntil: Date | null;
  actor: { id: string; email: string } | null;
  ip?: string;
};

/** Creates the collection and its (empty, growing) round in one transaction. */
export async function openCollection(input: OpenCollectionInput) {
  const questionSet = getQuestionSet(input.questionSetVersion);
  if (!questionSet) throw new Error(`Unknown question set ${input.questionSetVersion}`);
  if (!findSurvey(questionSet, input.survey)) throw new Error(`Form ${input.survey} is not part of ${input.questionSetVersion}`);
  const collection = await writeTransaction(async (tx) => {
    const id = randomBytes(12).toString("hex");
    const round = await tx.poetRound.create({
      data: {
        orgId: input.orgId,
        name: input.name,
        questionSetVersion: input.questionSetVersion,
        kind: "respondents",
        fileName: "Collected in the app",
        // Rounds are unique per council by file hash; a collected round has no file, so its id stands in.
        fileSha256: `collection:${id}`,
        respondentCount: 0,
        importedById: input.actor?.id ?? null,
      },
    });
    return tx.collection.create({
      data: {
        id,
        orgId: input.orgId,
        roundId: round.id,
        name: input.name,
        questionSetVersion: input.questionSetVersion,
        survey: input.survey,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        contactRetentionUntil: input.contactRetentionUntil,
        openCode: formatSurveyCode("open", randomBytes(12)),
        createdById: input.actor?.id ?? null,
      },
    });
  });
  await recordAudit({ orgId: input.orgId, action: "collection-opened", actorId: input.actor?.id ?? null, actorLabel: input.actor?.email ?? "system", detail: input.name, ip: input.ip });
  return collection;
}

/** Closes a collection of this council for good; false when it was already closed or is not theirs. */
export async function closeCollection(orgId: string, collectionId: string, actor: { id: string; email: string }, ip = ""): Promise<boolean> {
  // The same row every accepted answer writes: once this commits, no answer can land (see submitResponse).
  const closed = await db().collection.updateMany({ where: { id: collectionId, orgId, closedAt: null }, data: { closedAt: new Date() } });
  if (closed.count === 0) return false;
  const collection = await db().collection.findFirst({ where: { id: collectionId, orgId }, select: { name: true, roundId: true } });
  await db().surveyDraft.deleteMany({ where: { collectionId } });
  await recordAudit({ orgId, action: "collection-closed", actorId: actor.id, actorLabel: actor.email, detail: collection?.name ?? collectionId, ip });
  return true;
}
