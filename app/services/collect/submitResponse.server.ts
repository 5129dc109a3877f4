// Turns a finished questionnaire into a Respondent of the collection's round, exactly once.
// One transaction: a personal code is claimed by a conditional update (of two concurrent sends exactly
// one changes the row), the person joins the round, then the collection must still be open (checked by
// writing its row, which closing also writes, so the two never overlap) and the round's revision moves.
import { randomBytes } from "node:crypto";
import { collectionState, notTakingAnswers, type About, type ResponseSource } from "~/domain/collect";
import { writeTransaction } from "~/models/db.server";

export type SubmitInput = {
  collectionId: string;
  source: ResponseSource;
  personalCodeId: string | null;
  answers: Record<string, string>;
  about: About;
  draftId: string | null;
  contact: { name: string; email: string; phone: string } | null;
  /** The address the survey was answered at: the start of the links in "you said, we did" emails. */
  linkOrigin?: string;
  /**
   * A reference that may only be entered once per round (a paper sheet number, or the idempotency key an
   * assisted-review device gives each queued answer); random when absent. A second send with the same
   * reference is refused as "duplicate" and stores nothing.
   */
  externalId?: string;
};

export type SubmitResult =
  | { status: "sent"; respondentId: string }
  | { status: "closed"; message: string }
  | { status: "code-used"; message: string }
  | { status: "duplicate"; message: string };

class Refused extends Error {
  constructor(readonly result: Exclude<SubmitResult, { status: "sent" }>) {
    super(result.message);
  }
}

// A busy moment (a whole mailing's letters answered at once, or a flaky device resending) queues sends for
// the database's few connections: each waits its turn up to 15 s rather than Prisma's default 2 s, after
// which the person would see a server error although nothing was wrong with their answers.
const SEND_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

export const CODE_USED_MESSAGE = "This personal code has already been used to send answers, so it cannot be used again. If you did not send them, please contact the council.";

/** Adds one person's answers to the round, or says plainly why not (closed, or code already used). */
export async function submitResponse(input: SubmitInput): Promise<SubmitResult> {
  try {
    return await writeTransaction(async (tx) => {
      const now = new Date();
      const collection = await tx.collection.findUniqueOrThrow({ where: { id: input.collectionId }, select: { roundId: true, survey: true, opensAt: true, closesAt: true, closedAt: true } });
      const state = collectionState(collection, now);
      if (state !== "open") throw new Refused({ status: "closed", message: notTakingAnswers(state, collection) });
      if (input.personalCodeId) {
        const claimed = await tx.surveyCode.updateMany({ where: { id: input.personalCodeId, collectionId: input.collectionId, usedAt: null }, data: { usedAt: now } });
        if (claimed.count === 0) throw new Refused({ status: "code-used", message: CODE_USED_MESSAGE });
      }
      const respondent = await tx.respondent.create({
        data: {
          // Random ids, not cuids: a cuid carries the time, which could pair answers with contact details.
          id: randomBytes(12).toString("hex"),
          roundId: collection.roundId,
          externalId: input.externalId ?? `app-${randomBytes(8).toString("hex")}`,
          survey: collection.survey,
          ageBand: input.about.ageBand ?? "",
          supportReason: input.about.supportReason ?? "",
          budgetManagement: input.about.budgetManagement ?? "",
          answers: JSON.stringify(input.answers),
          source: input.source,
          // The month only (docs/decisions/022): enough to cut an open-ended collection into rounds by date range.
          collectedMonth: now.toISOString().slice(0, 7),
        },
      });
      if (input.personalCodeId) await tx.surveyCode.update({ where: { id: input.personalCodeId }, data: { respondentId: respondent.id } });
      if (input.draftId) await tx.surveyDraft.deleteMany({ where: { id: input.draftId } });
      // Deliberately written without any link to the respondent (docs/decisions/012).
      // Its time is kept to the day only, so it cannot be paired with the answers by when they arrived.
      if (input.contact) {
        const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
        // The unsubscribe token is the only way in for an email's "stop" link (no sign-in); it is never shown anywhere else.
        await tx.hearBackContact.create({
          data: { id: randomBytes(12).toString("hex"), collectionId: input.collectionId, createdAt: day, ...input.contact, linkOrigin: input.linkOrigin ?? "", unsubscribeToken: randomBytes(24).toString("base64url") },
        });
      }
      // Last, the two rows every send writes (the collection's and its round's): a send holds their locks
      // only from here to its commit, so a crowd of sends queues for two statements each on PostgreSQL,
      // not for whole transactions. Still inside the transaction, so a close that committed first makes
      // this update change nothing and the whole answer is rolled back; a close that comes later waits.
      const open = await tx.collection.updateMany({
        where: { id: input.collectionId, closedAt: null, opensAt: { lte: now }, OR: [{ closesAt: null }, { closesAt: { gt: now } }] },
        data: { lastAnswerAt: now },
      });
      if (open.count === 0) throw new Refused({ status: "closed", message: notTakingAnswers("closed", collection) });
      await tx.poetRound.update({ where: { id: collection.roundId }, data: { respondentCount: { increment: 1 }, revision: { increment: 1 } } });
      return { status: "sent" as const, respondentId: respondent.id };
    }, SEND_TRANSACTION);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    if (input.externalId && isUniqueViolation(error)) return { status: "duplicate", message: `${input.externalId} has already been entered, so it was not added again.` };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

export type WithdrawResult = { status: "withdrawn" } | { status: "not-found" } | { status: "not-sent" } | { status: "already-withdrawn" };

/** Removes the answers sent with a personal code, so findings read as if they were never given. */
export async function withdrawResponse(code: string): Promise<WithdrawResult> {
  return writeTransaction(async (tx) => {
    const personal = await tx.surveyCode.findUnique({ where: { code }, select: { id: true, usedAt: true, withdrawnAt: true, respondentId: true, respondent: { select: { roundId: true } } } });
    if (!personal) return { status: "not-found" };
    if (personal.withdrawnAt) return { status: "already-withdrawn" };
    if (!personal.usedAt || !personal.respondentId || !personal.respondent) return { status: "not-sent" };
    // The answer's own round: the collection's, or a round cut from it by date range since.
    const roundId = personal.respondent.roundId;
    const taken = await tx.surveyCode.updateMany({ where: { id: personal.id, withdrawnAt: null }, data: { withdrawnAt: new Date(), respondentId: null } });
    if (taken.count === 0) return { status: "already-withdrawn" };
    await tx.respondent.delete({ where: { id: personal.respondentId } });
    await tx.poetRound.update({ where: { id: roundId }, data: { respondentCount: { decrement: 1 }, revision: { increment: 1 } } });
    return { status: "withdrawn" };
  }, SEND_TRANSACTION);
}
