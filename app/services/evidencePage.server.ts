// What the evidence pages share: the council check, the round (scoped to the council) and its analysis,
// and findings dressed with their question wording. Another council's round is a 404, like a missing one.
import type { Params } from "@remix-run/react";
import { findQuestion, getQuestionSet, type Finding } from "~/domain/poet";
import { findRound, loadRoundEvidence } from "~/models/round.server";
import { notFound, requireCouncil } from "./auth.server";

/** A finding as the pages show it: with the question's wording, plain and easy read. */
export type FindingView = Finding & { questionText: string; easyQuestion: string };

/** The round of this council the URL names, with its evidence; 404 when it is not this council's. */
export async function requireRoundEvidence(request: Request, params: Params) {
  const access = await requireCouncil(request, params.org, "read:round");
  const round = params.round ? await findRound(access.org.id, params.round) : null;
  if (!round) notFound("We could not find that POET round.");
  const evidence = await loadRoundEvidence(access.org.id, round.id);
  if (!evidence) notFound("We could not find that POET round.");
  const questionSet = getQuestionSet(evidence.questionSetVersion);
  if (!questionSet) throw new Error(`Round ${round.id} uses unknown question set ${evidence.questionSetVersion}`);
  const view = (f: Finding): FindingView => {
    const question = findQuestion(questionSet, f.question);
    return { ...f, questionText: question?.text ?? f.question, easyQuestion: question?.easyRead ?? question?.text ?? f.question };
  };
  return {
    ...access,
    evidence,
    questionSet,
    view,
    round: {
      id: round.id,
      name: round.name,
      kind: round.kind,
      respondentCount: round.respondentCount,
      isSynthetic: round.isSynthetic,
      importedAt: round.importedAt.toISOString(),
      fileName: round.fileName,
    },
    benchmark: { name: evidence.benchmark.name, approximate: evidence.benchmark.approximate, source: evidence.benchmark.source },
  };
}
