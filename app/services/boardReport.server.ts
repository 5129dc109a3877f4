// The board paper's content, built once and rendered three ways: the printable page, the easy-read page and Word.
import { shortDate } from "~/domain/tracking/milestones";
import { milestonesOfPlans } from "~/models/milestone.server";
import { mirThemes } from "~/domain/mir";
import { ROLE_LABELS, type Role } from "~/domain/access/permissions";
import { isOverdue, planCounts } from "~/domain/tracking/filters";
import { effectivePercent, statusLabel } from "~/domain/tracking/status";
import { todayInEngland } from "~/domain/tracking/today";
import { db } from "~/models/db.server";
import { mirStatementsFor } from "~/models/mirWording.server";
import { loadRoundEvidence } from "~/models/round.server";
import { listPlanActions, statusSettingsFor } from "~/models/tracking.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import type { WorkspaceAccess } from "./auth.server";
import { findingChanges, findingLabel, planQuestionSet } from "./roundChanges.server";
import { comparedSelfAssessment, type ComparedAssessment } from "./selfAssessment.server";

export type ChartRow = { label: string; count: number };
export type ReportChart = { id: string; title: string; rows: ChartRow[] };
export type ReportAction = {
  id: string;
  title: string;
  status: string;
  rag: string;
  percent: number;
  /** The plan's priority this action is (1 = first), as facilitators marked it on the board; null when not one. */
  priority: number | null;
  owner: string;
  due: string | null;
  overdue: boolean;
  findings: string[];
  changes: string[];
  statements: string[];
  /** Dated steps, earliest first: "Letters drafted, due 14 Mar 2027 (done)". */
  milestones: string[];
  latestUpdate: string | null;
};
export type CoProducer = { label: string; count: number };
export type BoardReport = {
  council: string;
  orgSlug: string;
  hasLogo: boolean;
  plan: string;
  date: string;
  coProducers: CoProducer[];
  coProducedLine: string;
  round: { name: string; approximate: boolean } | null;
  weaknesses: string[];
  strengths: string[];
  counts: ReturnType<typeof planCounts>;
  charts: ReportChart[];
  actions: ReportAction[];
  /** The plan's priorities, first first (the same actions as in `actions`, which keeps board order). */
  priorities: { id: string; priority: number; title: string }[];
  /** The plan's latest Making it Real self-assessment beside the year before, when there is one (ADR 021). */
  selfAssessment: ComparedAssessment | null;
};

const RAG_LABELS: Record<string, string> = { green: "Green (on track)", amber: "Amber (some risk)", red: "Red (off track)", none: "Not set" };
const PEOPLE_ROLE_ORDER: Role[] = ["owner", "facilitator", "member", "viewer"];

/** "3 workshop participants, 1 facilitator and 2 co-producers": counts only, never names. */
export function coProducedSentence(people: readonly CoProducer[]): string {
  const parts = people.filter((p) => p.count > 0).map((p) => `${p.count} ${p.count === 1 ? p.label : pluralise(p.label)}`);
  if (parts.length === 0) return "No one has been recorded as taking part yet.";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `Co-produced with ${list}.`;
}

function pluralise(label: string): string {
  return label.endsWith("s") ? label : `${label}s`;
}

const PERSON_LABEL: Record<Role | "guest", string> = {
  guest: "workshop participant",
  owner: "council owner",
  facilitator: "facilitator",
  member: "council co-producer",
  viewer: "council viewer",
};

/**
 * Who took part in this plan, counted by role: every guest who joined its workshops, and every council member
 * who wrote an action, changed one, wrote a progress update or created the plan.
 */
async function coProducersOf(workspaceId: string, orgId: string, createdById: string | null, authorNames: readonly string[]): Promise<CoProducer[]> {
  const [guests, events, updates, memberships] = await Promise.all([
    db().guest.count({ where: { workspaceId } }),
    db().actionEvent.findMany({ where: { workspaceId, actorId: { not: null } }, select: { actorId: true }, distinct: ["actorId"] }),
    db().progressUpdate.findMany({ where: { workspaceId, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] }),
    db().membership.findMany({ where: { orgId }, select: { userId: true, role: true, user: { select: { name: true } } } }),
  ]);
  const ids = new Set<string>([...events.map((e) => e.actorId ?? ""), ...updates.map((u) => u.authorId ?? ""), createdById ?? ""]);
  const names = new Set(authorNames.map((n) => n.trim()).filter(Boolean));
  const byRole = new Map<Role, number>();
  for (const m of memberships) {
    if (!ids.has(m.userId) && !names.has(m.user.name.trim())) continue;
    const role = m.role as Role;
    byRole.set(role, (byRole.get(role) ?? 0) + 1);
  }
  return [{ label: PERSON_LABEL.guest, count: guests }, ...PEOPLE_ROLE_ORDER.filter((r) => r in ROLE_LABELS).map((r) => ({ label: PERSON_LABEL[r], count: byRole.get(r) ?? 0 }))];
}

function tally(labels: readonly string[], order: readonly string[]): ChartRow[] {
  const counts = new Map<string, number>(order.map((l) => [l, 0]));
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}

export function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** Everything the board paper shows about one plan, scoped to the plan's own council. */
export async function buildBoardReport(access: WorkspaceAccess): Promise<BoardReport> {
  const { workspace } = access;
  const today = todayInEngland();
  const [actions, statuses, mir, rounds, record, milestones, selfAssessment] = await Promise.all([
    listPlanActions(workspace.id),
    statusSettingsFor(workspace.orgId),
    mirStatementsFor(workspace.orgId),
    listWorkspaceRounds(workspace.id, workspace.orgId),
    db().workspace.findFirstOrThrow({ where: { id: workspace.id, orgId: workspace.orgId }, select: { createdById: true, org: { select: { slug: true, logoType: true } } } }),
    milestonesOfPlans([workspace.id]),
    comparedSelfAssessment(access),
  ]);
  const round = rounds[0] ?? null;
  const evidence = round ? await loadRoundEvidence(workspace.orgId, round.id) : null;
  const findings = evidence?.analysis.findings ?? [];
  const sentenceOf = new Map(findings.map((f) => [f.id, f.sentence]));
  const changes = await findingChanges(workspace.orgId, rounds, actions.flatMap((a) => a.findingIds));
  const questionSet = planQuestionSet(rounds);
  const key = (classification: string) => findings.filter((f) => f.group === "all" && f.classification === classification).map((f) => f.sentence);
  const coProducers = await coProducersOf(workspace.id, workspace.orgId, record.createdById, actions.map((a) => a.createdBy));

  const reportActions: ReportAction[] = actions.map((a) => ({
    id: a.id,
    title: a.title.trim() || "Untitled action",
    status: statusLabel(statuses, a.status),
    rag: a.rag,
    percent: effectivePercent(statuses, a.status, a.manualPercent),
    priority: a.priority,
    owner: a.owner.trim(),
    due: a.due ? longDate(a.due) : null,
    overdue: isOverdue(a, today),
    findings: a.findingIds.map((id) => sentenceOf.get(id) ?? findingLabel(id, questionSet)),
    changes: a.findingIds.map((id) => changes.get(id)?.sentence).filter((s): s is string => Boolean(s)),
    statements: a.mirIds.map((id) => mir.find((m) => m.id === id)?.text ?? "").filter(Boolean),
    milestones: (milestones.get(`${workspace.id}/${a.id}`) ?? []).map((m) => `${m.title}, due ${shortDate(m.due)}${m.done ? " (done)" : ""}`),
    latestUpdate: a.latestNote,
  }));
  const themeOf = (id: string) => mir.find((m) => m.id === id)?.theme;
  const themeLabels = actions.flatMap((a) => [...new Set(a.mirIds.map(themeOf).filter(Boolean))].map((t) => mirThemes.find((m) => m.id === t)?.title ?? String(t)));
  const charts: ReportChart[] = [
    { id: "status", title: "Actions by status", rows: tally(reportActions.map((a) => a.status), statuses.map((s) => s.label)) },
    { id: "rag", title: "Actions by RAG rating", rows: tally(actions.map((a) => RAG_LABELS[a.rag] ?? a.rag), Object.values(RAG_LABELS)) },
    {
      id: "overdue",
      title: "Actions against their due dates",
      rows: tally(
        actions.map((a) => (a.status === "complete" ? "Complete" : isOverdue(a, today) ? "Overdue" : a.due ? "Not yet due" : "No due date")),
        ["Overdue", "Not yet due", "No due date", "Complete"],
      ),
    },
    { id: "theme", title: "Actions by Making it Real theme", rows: tally(themeLabels, mirThemes.map((t) => t.title)) },
  ];
  return {
    council: workspace.org.name,
    orgSlug: record.org.slug,
    hasLogo: record.org.logoType !== null,
    plan: workspace.name,
    date: longDate(today),
    coProducers,
    coProducedLine: coProducedSentence(coProducers),
    round: round ? { name: round.name, approximate: evidence?.benchmark.approximate ?? false } : null,
    weaknesses: key("weakness"),
    strengths: key("strength"),
    counts: planCounts(actions, today),
    charts,
    actions: reportActions,
    priorities: reportActions.flatMap((a) => (a.priority ? [{ id: a.id, priority: a.priority, title: a.title }] : [])).sort((x, y) => x.priority - y.priority),
    selfAssessment,
  };
}
