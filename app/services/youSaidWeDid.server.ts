// "You said, we did" for one plan, as its public page and feed show it: what people told us (the findings
// the plan's actions answer), what we are doing about each, how far each action has got, and what changed
// at the next survey. Read from the Action projection, so a status change shows within seconds. Nobody on
// the council staff is named unless the council allowed it; progress notes are never shown (they name people).
import { findGroup } from "~/domain/poet";
import { easyChange, easyStatus } from "~/domain/tracking/publicPlan";
import { effectivePercent, statusLabel } from "~/domain/tracking/status";
import { actionChangeTimes } from "~/models/action.server";
import { loadRoundEvidence } from "~/models/round.server";
import { listPlanActions, statusSettingsFor } from "~/models/tracking.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import { findingChanges, findingLabel, planQuestionSet } from "./roundChanges.server";

export type PublicAction = {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  easyStatus: string;
  percent: number;
  due: string | null;
  /** Only when the council allows names on the page. */
  owner: string | null;
  updatedAt: string;
};

export type PublicFinding = {
  id: string;
  label: string;
  sentence: string;
  easyRead: string;
  groupLabel: string;
  actions: PublicAction[];
  change: { sentence: string; easy: string; fromRound: string; toRound: string } | null;
};

export type YouSaidWeDid = {
  plan: { id: string; name: string; council: string };
  round: { name: string; synthetic: boolean } | null;
  findings: PublicFinding[];
  /** Actions not linked to any finding the plan's rounds hold. */
  otherActions: PublicAction[];
  updatedAt: string;
};

const RANK: Record<string, number> = { weakness: 0, strength: 1 };

/** Everything the page and the feed say about one published plan. */
export async function loadYouSaidWeDid(plan: { id: string; name: string; orgId: string; publicShowNames: boolean; createdAt?: Date; org: { name: string } }): Promise<YouSaidWeDid> {
  const [actions, statuses, rounds, times] = await Promise.all([listPlanActions(plan.id), statusSettingsFor(plan.orgId), listWorkspaceRounds(plan.id, plan.orgId), actionChangeTimes(plan.id)]);
  const newest = rounds[0] ?? null;
  const evidence = newest ? await loadRoundEvidence(plan.orgId, newest.id) : null;
  const byId = new Map((evidence?.analysis.findings ?? []).map((f) => [f.id, f]));
  const linked = [...new Set(actions.flatMap((a) => a.findingIds))];
  const changes = await findingChanges(plan.orgId, rounds, linked);
  const questionSet = planQuestionSet(rounds);
  const toPublic = (a: (typeof actions)[number]): PublicAction => ({
    id: a.id,
    title: a.title.trim() || "An action still being named",
    status: a.status,
    statusLabel: statusLabel(statuses, a.status),
    easyStatus: easyStatus(a.status),
    percent: effectivePercent(statuses, a.status, a.manualPercent),
    due: a.due,
    owner: plan.publicShowNames && a.owner.trim() ? a.owner.trim() : null,
    updatedAt: (times.get(a.id) ?? new Date(a.createdAt)).toISOString(),
  });
  const findings: PublicFinding[] = linked
    .map((id) => {
      const finding = byId.get(id);
      const label = findingLabel(id, questionSet);
      const change = changes.get(id);
      return {
        id,
        label,
        sentence: finding?.sentence ?? label,
        easyRead: finding?.easyRead ?? label,
        groupLabel: finding ? (findGroup(finding.group)?.label ?? finding.group) : "",
        rank: RANK[finding?.classification ?? ""] ?? 2,
        actions: actions.filter((a) => a.findingIds.includes(id)).map(toPublic),
        change: change ? { sentence: change.sentence, easy: easyChange(change), fromRound: change.fromRound, toRound: change.toRound } : null,
      };
    })
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...f }) => f);
  const otherActions = actions.filter((a) => a.findingIds.length === 0).map(toPublic);
  const latest = [...times.values()].reduce<Date | null>((max, t) => (!max || t > max ? t : max), null);
  return {
    plan: { id: plan.id, name: plan.name, council: plan.org.name },
    round: newest ? { name: newest.name, synthetic: newest.isSynthetic } : null,
    findings,
    otherActions,
    updatedAt: (latest ?? plan.createdAt ?? new Date(0)).toISOString(),
  };
}
