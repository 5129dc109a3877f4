// What the evidence pages share: the council check, the round (scoped to the council) and its analysis,
// and findings dressed with their question wording. Another council's round is a 404, like a missing one.
// A workshop guest reads the rounds their plan is built on (read-only); any other round is a 404 to them.
import type { Params } from "@remix-run/react";
import { can, type Actor } from "~/domain/access/permissions";
import { findQuestion, type Finding, type QuestionSet } from "~/domain/poet";
import { questionSetFor } from "~/models/questionWording.server";
import { findRound, loadRoundEvidence } from "~/models/round.server";
import { findPlanRoundForGuest } from "~/models/workspaceRound.server";
import { forbidden, getPrincipal, notFound, requireCouncil } from "./auth.server";

/** A finding as the pages show it: with the question's wording, plain and easy read. */
export type FindingView = Finding & { questionText: string; easyQuestion: string };

/** Dresses a finding with its question's wording in this question set (the council's, where it loaded its own). */
export function findingView(questionSet: QuestionSet): (f: Finding) => FindingView {
  return (f) => {
    const question = findQuestion(questionSet, f.question);
    return { ...f, questionText: question?.text ?? f.question, easyQuestion: question?.easyRead ?? question?.text ?? f.question };
  };
}

/** Who is reading: a council member (any round of theirs) or a guest (their plan's rounds only). */
export type EvidenceReader = { kind: "member" } | { kind: "guest"; workspace: { id: string; name: string } };

async function requireEvidenceReader(request: Request, params: Params) {
  const principal = await getPrincipal(request);
  if (principal?.kind === "guest") {
    if (!can("guest", "read:plan-evidence")) forbidden("Guests cannot read the evidence.");
    const found = params.org && params.round ? await findPlanRoundForGuest(params.org, params.round, principal.guest.workspaceId) : null;
    if (!found) notFound("We could not find that POET round.");
    const reader: EvidenceReader = { kind: "guest", workspace: found.workspace };
    return { org: found.org, role: "guest" as Actor, reader };
  }
  const access = await requireCouncil(request, params.org, "read:round");
  const reader: EvidenceReader = { kind: "member" };
  return { org: access.org, role: access.role as Actor, reader };
}

/** The round the URL names, with its evidence, for a member of its council or a guest whose plan uses it; 404 otherwise. */
export async function requireRoundEvidence(request: Request, params: Params) {
  const access = await requireEvidenceReader(request, params);
  const round = params.round ? await findRound(access.org.id, params.round) : null;
  if (!round) notFound("We could not find that POET round.");
  const evidence = await loadRoundEvidence(access.org.id, round.id, round);
  if (!evidence) notFound("We could not find that POET round.");
  // This council's wording of the questions where it loaded its own (docs/decisions/028).
  const questionSet = await questionSetFor(access.org.id, evidence.questionSetVersion);
  if (!questionSet) throw new Error(`Round ${round.id} uses unknown question set ${evidence.questionSetVersion}`);
  const view = findingView(questionSet);
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
      fieldworkStart: round.fieldworkStart?.toISOString() ?? null,
      fieldworkEnd: round.fieldworkEnd?.toISOString() ?? null,
      archived: round.archivedAt !== null,
      sharedWithPeers: round.sharedWithPeers,
      wordingApproximate: questionSet.wordingApproximate,
    },
    benchmark: { name: evidence.benchmark.name, approximate: evidence.benchmark.approximate, source: evidence.benchmark.source },
  };
}
