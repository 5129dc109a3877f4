// A council's official wording of a question set (docs/decisions/028): stored per council, set and code,
// and put in place of ours wherever a question is shown for that council. Another council never sees it.
import { getQuestionSet, type QuestionSet } from "~/domain/poet";
import { withCouncilWording, type QuestionWordingRow } from "~/domain/poet/questionWording";
import { db, writeTransaction } from "./db.server";

type Actor = { id: string; email: string };

/** The official wording this council loaded for a set, in the set's question order. */
export async function questionWordingFor(orgId: string, questionSetVersion: string): Promise<QuestionWordingRow[]> {
  const rows = await db().questionWording.findMany({ where: { orgId, questionSetVersion }, select: { code: true, standard: true, easyRead: true } });
  const order = new Map((getQuestionSet(questionSetVersion)?.questions ?? []).map((q, i) => [q.code, i]));
  return rows.sort((a, b) => (order.get(a.code) ?? 1e9) - (order.get(b.code) ?? 1e9));
}

/** The question set as this council shows it (its official wording where loaded), or undefined for an unknown version. */
export async function questionSetFor(orgId: string, questionSetVersion: string): Promise<QuestionSet | undefined> {
  const questionSet = getQuestionSet(questionSetVersion);
  if (!questionSet) return undefined;
  return withCouncilWording(questionSet, await questionWordingFor(orgId, questionSetVersion));
}

/** How many questions of each set have this council's wording. */
export async function questionWordingCounts(orgId: string): Promise<Record<string, number>> {
  const groups = await db().questionWording.groupBy({ by: ["questionSetVersion"], where: { orgId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.questionSetVersion, g._count._all]));
}

/**
 * Replaces this council's wording of one set with these rows, all or nothing, and audits it in the same
 * transaction. Questions the file leaves out go back to our wording.
 */
export async function saveQuestionWording(orgId: string, questionSetVersion: string, rows: readonly QuestionWordingRow[], actor: Actor, ip?: string): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.questionWording.deleteMany({ where: { orgId, questionSetVersion } });
    await tx.questionWording.createMany({ data: rows.map((r) => ({ orgId, questionSetVersion, code: r.code, standard: r.standard, easyRead: r.easyRead })) });
    await tx.auditEvent.create({
      data: { orgId, actorId: actor.id, actorLabel: actor.email, action: "question-wording-loaded", detail: `${questionSetVersion}: official wording of ${rows.length} question${rows.length === 1 ? "" : "s"}`, ip: ip ?? "" },
    });
  });
}

/** Removes this council's wording of one set (back to ours), audited; the number of questions it had. */
export async function revertQuestionWording(orgId: string, questionSetVersion: string, actor: Actor, ip?: string): Promise<number> {
  return writeTransaction(async (tx) => {
    const { count } = await tx.questionWording.deleteMany({ where: { orgId, questionSetVersion } });
    if (count > 0) {
      await tx.auditEvent.create({
        data: { orgId, actorId: actor.id, actorLabel: actor.email, action: "question-wording-reverted", detail: `${questionSetVersion}: back to our wording for ${count} question${count === 1 ? "" : "s"}`, ip: ip ?? "" },
      });
    }
    return count;
  });
}
