// "Did it work?" for a plan: each finding its actions answer, compared between the round the plan
// started from and the council's latest later round (same question set), with one test; the rounds in
// between are shown as figures, round by round, but not tested one against another (more tests on the
// same finding would only raise the chance of a false alarm).
import { DEFAULT_QUESTION_SET, findGroup, findQuestion, getQuestionSet, parseFindingId, type Finding } from "~/domain/poet";
import { compareRounds, type RoundChange, type RoundPoint } from "~/domain/tracking/roundChange";
import { findLaterRounds, loadRoundEvidence } from "~/models/round.server";
import type { WorkspaceRound } from "~/models/workspaceRound.server";

export type FindingChange = RoundChange & {
  findingId: string;
  fromRound: string;
  toRound: string;
  /** The finding's figure in the plan's round and every later round that has it, oldest first. */
  rounds: RoundPoint[];
};

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
  return parsed.group === "all" ? phrase : `${phrase} (${findGroup(parsed.group, questionSet)?.label ?? parsed.group})`;
}

/** The rounds a reader chose to compare (ids); any id that is not a valid choice falls back to the default. */
export type RoundChoice = { from?: string | null; to?: string | null };

/** The rounds "did it work?" may compare for a plan: its own rounds as the start, later council rounds as the end, by survey date. */
export async function comparableRounds(orgId: string, rounds: readonly WorkspaceRound[], choice: RoundChoice = {}) {
  const baseline = rounds.find((r) => r.id === choice.from) ?? rounds[0];
  if (!baseline) return { baseline: null, later: [], latest: null, starts: [...rounds] };
  const allLater = await findLaterRounds(orgId, baseline);
  const chosen = allLater.findIndex((r) => r.id === choice.to);
  // Rounds after the chosen end are not part of this comparison.
  const later = chosen >= 0 ? allLater.slice(0, chosen + 1) : allLater;
  return { baseline, later, latest: later[later.length - 1] ?? null, allLater, starts: [...rounds] };
}

/** Changes between the plan's newest round (or the chosen one) and the council's newest later one (or the chosen one); empty until there is one. */
export async function findingChanges(orgId: string, rounds: readonly WorkspaceRound[], findingIds: readonly string[], choice: RoundChoice = {}): Promise<Map<string, FindingChange>> {
  const changes = new Map<string, FindingChange>();
  if (findingIds.length === 0) return changes;
  const { baseline, later, latest } = await comparableRounds(orgId, rounds, choice);
  if (!baseline || !latest) return changes;
  const evidence = await Promise.all([baseline, ...later].map(async (round) => ({ name: round.name, evidence: await loadRoundEvidence(orgId, round.id) })));
  const byId = (findings: Finding[]) => new Map(findings.map((f) => [f.id, f]));
  // The baseline and the latest round must both be readable; a round in between that is not is left out.
  if (!evidence[0]!.evidence || !evidence[evidence.length - 1]!.evidence) return changes;
  const series = evidence.flatMap(({ name, evidence: e }) => (e ? [{ name, findings: byId(e.analysis.findings) }] : []));
  const before = series[0]!;
  const after = series[series.length - 1]!;
  for (const id of new Set(findingIds)) {
    const b = before.findings.get(id);
    const a = after.findings.get(id);
    // A withheld figure (fewer people than the council's disclosure threshold) has null counts: no change is shown.
    if (!b || !a || !b.n || !a.n || b.positive === null || a.positive === null) continue;
    const change = compareRounds(findingLabel(id, baseline.questionSetVersion), { positive: b.positive, n: b.n }, { positive: a.positive, n: a.n });
    const points = series.flatMap(({ name, findings }) => {
      const f = findings.get(id);
      return f && f.n && f.positive !== null ? [{ round: name, percent: (100 * f.positive) / f.n, n: f.n }] : [];
    });
    changes.set(id, { ...change, findingId: id, fromRound: baseline.name, toRound: latest.name, rounds: points });
  }
  return changes;
}
