// "Did it work?" for a plan: each finding its actions answer, compared between the round the plan
// started from and the council's latest later round (same question set).
import { DEFAULT_QUESTION_SET, findGroup, findQuestion, getQuestionSet, parseFindingId, type Finding } from "~/domain/poet";
import { compareRounds, type RoundChange } from "~/domain/tracking/roundChange";
import { findLaterRound, loadRoundEvidence } from "~/models/round.server";
import type { WorkspaceRound } from "~/models/workspaceRound.server";

export type FindingChange = RoundChange & { findingId: string; fromRound: string; toRound: string };

/** The question set a plan's findings are read in: its newest round's, or the default before any import. */
export function planQuestionSet(rounds: readonly WorkspaceRound[]): string {
  return rounds[0]?.questionSetVersion ?? DEFAULT_QUESTION_SET;
}

/** A finding's short label, such as "Knew their budget amount when planning (Carers)". */
export function findingLabel(findingId: string, questionSetVersion: string): string {
  const parsed = parseFindingId(findingId);
  const questionSet = getQuestionSet(questionSetVersion);
  const question = parsed && questionSet ? findQuestion(questionSet, parsed.question) : undefined;
  if (!parsed || !question) return findingId;
  const phrase = question.positivePhrase.charAt(0).toUpperCase() + question.positivePhrase.slice(1);
  return parsed.group === "all" ? phrase : `${phrase} (${findGroup(parsed.group)?.label ?? parsed.group})`;
}

/** Changes between the plan's newest round and the council's newest later one; empty until there is one. */
export async function findingChanges(orgId: string, rounds: readonly WorkspaceRound[], findingIds: readonly string[]): Promise<Map<string, FindingChange>> {
  const changes = new Map<string, FindingChange>();
  const baseline = rounds[0];
  if (findingIds.length === 0 || !baseline) return changes;
  const later = await findLaterRound(orgId, baseline);
  if (!later) return changes;
  const pair = { baseline, later };
  const [before, after] = await Promise.all([loadRoundEvidence(orgId, pair.baseline.id), loadRoundEvidence(orgId, pair.later.id)]);
  if (!before || !after) return changes;
  const byId = (findings: Finding[]) => new Map(findings.map((f) => [f.id, f]));
  const beforeById = byId(before.analysis.findings);
  const afterById = byId(after.analysis.findings);
  for (const id of new Set(findingIds)) {
    const b = beforeById.get(id);
    const a = afterById.get(id);
    if (!b || !a || b.n === 0 || a.n === 0) continue;
    const change = compareRounds(findingLabel(id, pair.baseline.questionSetVersion), { positive: b.positive, n: b.n }, { positive: a.positive, n: a.n });
    changes.set(id, { ...change, findingId: id, fromRound: pair.baseline.name, toRound: pair.later.name });
  }
  return changes;
}
