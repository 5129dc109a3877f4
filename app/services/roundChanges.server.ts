// "Did it work?" for a plan: each finding its actions answer, compared between the round the plan
// started from and the council's latest later round (same question set).
import { findGroup, findQuestion, getQuestionSet, parseFindingId, type Finding } from "~/domain/poet";
import { compareRounds, type RoundChange } from "~/domain/tracking/roundChange";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";

export type FindingChange = RoundChange & { findingId: string; fromRound: string; toRound: string };

/** The rounds to compare for a workspace: the latest it was planned from, and the council's newest after it. */
async function roundPair(workspaceId: string, orgId: string) {
  const linked = await db().workspaceRound.findMany({ where: { workspaceId }, select: { round: { select: { id: true, name: true, importedAt: true, questionSetVersion: true } } } });
  const baseline = linked.map((l) => l.round).sort((a, b) => b.importedAt.getTime() - a.importedAt.getTime())[0];
  if (!baseline) return null;
  const later = await db().poetRound.findFirst({
    where: { orgId, questionSetVersion: baseline.questionSetVersion, importedAt: { gt: baseline.importedAt } },
    orderBy: { importedAt: "desc" },
    select: { id: true, name: true },
  });
  return later ? { baseline, later } : null;
}

export function findingLabel(questionSetVersion: string, findingId: string): string {
  const parsed = parseFindingId(findingId);
  const question = parsed ? findQuestion(getQuestionSet(questionSetVersion)!, parsed.question) : undefined;
  if (!parsed || !question) return findingId;
  const phrase = question.positivePhrase.charAt(0).toUpperCase() + question.positivePhrase.slice(1);
  return parsed.group === "all" ? phrase : `${phrase} (${findGroup(parsed.group)?.label ?? parsed.group})`;
}

/** Changes between rounds for the given findings; empty when there is no later round yet. */
export async function findingChanges(workspaceId: string, orgId: string, findingIds: readonly string[]): Promise<Map<string, FindingChange>> {
  const changes = new Map<string, FindingChange>();
  if (findingIds.length === 0) return changes;
  const pair = await roundPair(workspaceId, orgId);
  if (!pair) return changes;
  const [before, after] = await Promise.all([loadRoundEvidence(orgId, pair.baseline.id), loadRoundEvidence(orgId, pair.later.id)]);
  if (!before || !after) return changes;
  const byId = (findings: Finding[]) => new Map(findings.map((f) => [f.id, f]));
  const beforeById = byId(before.analysis.findings);
  const afterById = byId(after.analysis.findings);
  for (const id of new Set(findingIds)) {
    const b = beforeById.get(id);
    const a = afterById.get(id);
    if (!b || !a || b.n === 0 || a.n === 0) continue;
    const change = compareRounds(findingLabel(pair.baseline.questionSetVersion, id), { positive: b.positive, n: b.n }, { positive: a.positive, n: a.n });
    changes.set(id, { ...change, findingId: id, fromRound: pair.baseline.name, toRound: pair.later.name });
  }
  return changes;
}
