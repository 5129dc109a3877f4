import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { ActionHistory, type HistoryEntry } from "~/components/tracking/ActionHistory";
import { CorrectUpdateForm, CorrectUpdateLink, type CorrectionProblem } from "~/components/tracking/CorrectUpdateForm";
import { ProgressUpdateForm } from "~/components/tracking/ProgressUpdateForm";
import { FlagBadges, PercentBar, RagBadge } from "~/components/tracking/Badges";
import { Milestones } from "~/components/tracking/Milestones";
import { flagsOf } from "~/domain/tracking/flags";
import type { MilestoneProblem } from "~/domain/tracking/milestones";
import { listMilestones } from "~/models/milestone.server";
import { handleMilestoneForm, MILESTONE_INTENTS } from "~/services/milestoneForm.server";
import { mirThemes } from "~/domain/mir";
import { effectivePercent, statusLabel } from "~/domain/tracking/status";
import { dayInEngland, todayInEngland } from "~/domain/tracking/today";
import { updateAction } from "~/domain/workspace";
import { actionStatusSchema, ragSchema } from "~/domain/workspace/schema";
import { mirStatementsFor } from "~/models/mirWording.server";
import { CORRECTION_HOURS, correctProgressUpdate, newSubmissionKey, recordProgressUpdate, stillCorrectable } from "~/models/progressUpdate.server";
import { actionHistory, findPlanAction, staleAfterDaysFor, statusSettingsFor } from "~/models/tracking.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import { displayNameOf, mayInPlan, notFound, requireWorkspace } from "~/services/auth.server";
import { roundByRound } from "~/domain/tracking/roundChange";
import { comparableRounds, findingChanges, findingLabel, planQuestionSet } from "~/services/roundChanges.server";
import { RoundComparePicker } from "~/components/tracking/RoundComparePicker";
import { roundDate } from "~/models/roundRecord.server";
import { RunChart } from "~/components/evidence/RunChart";
import { findingRunChart } from "~/services/runChart.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const { workspace } = access;
  const action = await findPlanAction(workspace.id, params.action ?? "");
  if (!action) notFound("There is no such action in this plan.");
  const [statuses, history, rounds, mir, milestones, staleAfterDays] = await Promise.all([
    statusSettingsFor(workspace.orgId),
    actionHistory(workspace.id, action.id),
    listWorkspaceRounds(workspace.id, workspace.orgId),
    mirStatementsFor(workspace.orgId),
    listMilestones({ workspaceId: workspace.id, actionId: action.id }),
    staleAfterDaysFor(workspace.orgId),
  ]);
  const today = todayInEngland();
  const url = new URL(request.url);
  const choice = { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
  const [changes, compared] = await Promise.all([findingChanges(workspace.orgId, rounds, action.findingIds, choice), comparableRounds(workspace.orgId, rounds, choice)]);
  const option = (r: { id: string; name: string; importedAt: Date; fieldworkStart: Date | null; fieldworkEnd: Date | null }) => ({ id: r.id, name: r.name, date: roundDate(r).toISOString() });
  const round = rounds[0] ?? null;
  const entries: HistoryEntry[] = [
    ...history.events.map((e) => ({ kind: "event" as const, id: e.id, at: e.at.toISOString(), who: e.actorName, field: e.field, from: labelFor(e.field, e.fromValue), to: labelFor(e.field, e.toValue) })),
    ...history.notes.map((n) => ({
      kind: "note" as const,
      id: n.id,
      at: n.at.toISOString(),
      who: n.authorName,
      note: n.note,
      percent: n.percent,
      earlier: n.revisions.map((r) => ({ note: r.note, percent: r.percent, replacedAt: r.replacedAt.toISOString() })),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  function labelFor(field: string, value: string | null) {
    if (value === null) return null;
    return field === "status" ? statusLabel(statuses, value) : value;
  }
  const userId = access.principal.kind === "user" ? access.principal.user.id : null;
  // Each finding across every council round: the council's own evidence, so for signed-in people, not workshop guests.
  const runCharts =
    access.principal.kind === "user" && rounds.length > 0
      ? await Promise.all(action.findingIds.map(async (id) => ({ id, label: findingLabel(id, planQuestionSet(rounds)), points: await findingRunChart(workspace.orgId, planQuestionSet(rounds), id) })))
      : [];
  return {
    workspace,
    action,
    statusLabel: statusLabel(statuses, action.status),
    percent: effectivePercent(statuses, action.status, action.manualPercent),
    flags: flagsOf(action, today, staleAfterDays, dayInEngland),
    staleAfterDays,
    today,
    milestones,
    statuses,
    entries,
    runCharts,
    findings: action.findingIds.map((id) => ({
      id,
      label: findingLabel(id, planQuestionSet(rounds)),
      href: round ? `/orgs/${workspace.org.slug}/rounds/${round.id}/findings/${encodeURIComponent(id)}` : null,
      change: changes.get(id) ?? null,
    })),
    statements: action.mirIds.map((id) => {
      const statement = mir.find((m) => m.id === id);
      return { id, text: statement?.text ?? "Unknown statement", theme: mirThemes.find((t) => t.id === statement?.theme)?.title ?? "" };
    }),
    canEdit: mayInPlan(access, "edit:workspace"),
    submissionKey: newSubmissionKey(),
    // The author's own updates that are still young enough to correct.
    correctable: history.notes.filter((n) => userId !== null && n.authorId === userId && stillCorrectable(n.at) && mayInPlan(access, "edit:workspace")).map((n) => n.id),
    comparison: { starts: compared.starts.map(option), ends: (compared.allLater ?? []).map(option), from: compared.baseline?.id ?? null, to: compared.latest?.id ?? null },
  };
}

const Percent = z
  .number({ invalid_type_error: "Enter a whole number from 0 to 100" })
  .int("Enter a whole number from 0 to 100")
  .min(0, "Enter a whole number from 0 to 100")
  .max(100, "Enter a whole number from 0 to 100")
  .optional();
const Note = z.string({ required_error: "Write what has happened, even briefly" }).trim().min(1, "Write what has happened, even briefly").max(5000);
const ProgressUpdate = z.object({
  note: Note,
  status: z.union([z.literal("keep"), actionStatusSchema]).default("keep"),
  rag: z.union([z.literal("keep"), ragSchema]).default("keep"),
  percent: Percent,
  submissionKey: z.string().min(8).max(100).optional(),
});
const Correction = z.object({ updateId: z.string().min(1).max(64), note: Note, percent: Percent });

const CORRECTION_REFUSED = {
  "not-yours": "You can correct only your own progress updates.",
  "too-late": `Updates can be corrected for ${CORRECTION_HOURS} hours after they are written. Add a new update instead.`,
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { workspace, principal } = await requireWorkspace(request, params.workspace, "edit:workspace");
  const existing = await findPlanAction(workspace.id, params.action ?? "");
  if (!existing) notFound("There is no such action in this plan.");
  const formData = await readForm(request);
  const here = `/w/${workspace.id}/actions/${existing.id}`;
  if (MILESTONE_INTENTS.includes(String(formData.get("intent")))) {
    const actor = { actorId: principal.kind === "user" ? principal.user.id : null, actorName: displayNameOf(principal) };
    return handleMilestoneForm(formData, { workspaceId: workspace.id, actionId: existing.id }, actor, here);
  }
  if (formData.get("intent") === "correct-update") {
    const parsed = parseWithZod(formData, { schema: Correction });
    const updateId = String(formData.get("updateId") ?? "");
    if (parsed.status !== "success") {
      const issues = Object.values(parsed.reply().error ?? {}).flat();
      return { correction: { updateId, message: issues.join(" ") || "Check the correction and try again." } satisfies CorrectionProblem };
    }
    if (principal.kind !== "user") return { correction: { updateId, message: CORRECTION_REFUSED["not-yours"] } satisfies CorrectionProblem };
    const { note, percent } = parsed.value;
    const outcome = await correctProgressUpdate({ workspaceId: workspace.id, actionId: existing.id, updateId, authorId: principal.user.id, note, percent: percent ?? null });
    if (outcome === "not-yours" || outcome === "too-late") return { correction: { updateId, message: CORRECTION_REFUSED[outcome] } satisfies CorrectionProblem };
    return redirect(`${here}?corrected=1`);
  }
  const submission = parseWithZod(formData, { schema: ProgressUpdate });
  if (submission.status !== "success") return submission.reply();
  const { note, status, rag, percent, submissionKey } = submission.value;
  const actor = { actorId: principal.kind === "user" ? principal.user.id : null, actorName: displayNameOf(principal) };
  // The note claims the form's key first: a second submit of the same form changes nothing at all.
  const recorded = await recordProgressUpdate({ workspaceId: workspace.id, actionId: existing.id, note, percent: percent ?? null, authorId: actor.actorId, authorName: actor.actorName, submissionKey: submissionKey ?? null });
  const change = { ...(status !== "keep" && status !== existing.status ? { status } : {}), ...(rag !== "keep" && rag !== existing.rag ? { rag } : {}) };
  if (recorded === "recorded" && Object.keys(change).length > 0) {
    await context.collab.withDocument(workspace.id, (doc) => updateAction(doc, existing.id, change), { source: "server", ...actor });
  }
  return redirect(`${here}?saved=1`);
}

const MILESTONE_NOTICES: Record<string, string> = { added: "The milestone has been added.", removed: "The milestone has been removed.", changed: "The milestone has been updated." };

export default function ActionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const milestoneProblem = actionData && "milestone" in actionData ? (actionData.milestone as MilestoneProblem) : null;
  const correction = actionData && "correction" in actionData ? (actionData.correction as CorrectionProblem) : null;
  const lastResult = actionData && !("correction" in actionData) && !("milestone" in actionData) ? (actionData as SubmissionResult<string[]>) : undefined;
  // A refused save keeps its key (nothing was recorded), so the form keeps what was typed; a save
  // brings a new key from the loader and the form starts empty.
  const keptKey = lastResult?.initialValue?.submissionKey;
  const submissionKey = typeof keptKey === "string" ? keptKey : data.submissionKey;
  const [searchParams] = useSearchParams();
  const { action, workspace } = data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/w/${workspace.id}/plan`}>Tracking: {workspace.name}</Link>
      </p>
      <h1>{action.title || "Untitled action"}</h1>
      {searchParams.get("milestone") ? <Notice tone="success">{MILESTONE_NOTICES[searchParams.get("milestone") ?? ""] ?? "The milestones have been updated."}</Notice> : null}
      {searchParams.get("saved") ? <Notice tone="success">Your progress update has been saved.</Notice> : null}
      {searchParams.get("corrected") ? <Notice tone="success">Your correction has been saved. The history keeps what the update said before.</Notice> : null}
      {correction && !data.correctable.includes(correction.updateId) ? <Notice tone="warning">{correction.message}</Notice> : null}
      {!action.valid ? <Notice tone="warning">Needs review: {action.problems}</Notice> : null}
      <div className="two-col">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">Where it stands</h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>{data.statusLabel}</dd>
            <dt>RAG</dt>
            <dd>
              <RagBadge rag={action.rag} />
              <FlagBadges flags={data.flags} staleAfterDays={data.staleAfterDays} />
            </dd>
            <dt>Done</dt>
            <dd>
              <PercentBar percent={data.percent} label="Percent done" />
            </dd>
            <dt>Owner</dt>
            <dd>{action.owner || "No owner yet"}</dd>
            <dt>Partners</dt>
            <dd>{action.partners.length ? action.partners.join(", ") : "None named"}</dd>
            <dt>Due</dt>
            <dd>
              {action.due ?? "No date"}
            </dd>
            <dt>Came from</dt>
            <dd>{`${action.createdBy ? `An idea from ${action.createdBy}` : "An idea from the workshop"} · ${action.votes} vote${action.votes === 1 ? "" : "s"}`}</dd>
          </dl>
          {action.description ? <p>{action.description}</p> : null}
        </section>
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">What it answers</h2>
          <h3>Findings</h3>
          {data.findings.length === 0 ? <p>Not linked to a finding yet.</p> : null}
          <ul>
            {data.findings.map((f) => (
              <li key={f.id}>
                {f.href ? <Link to={f.href}>{f.label}</Link> : f.label}
                {f.change ? <p className="change">{`Since ${f.change.fromRound}: ${f.change.sentence}`}</p> : null}
                {f.change && roundByRound(f.change) ? <p className="change change--series">{roundByRound(f.change)}</p> : null}
              </li>
            ))}
          </ul>
          {data.findings.length > 0 ? <RoundComparePicker comparison={data.comparison} /> : null}
          <h3>Making it Real statements</h3>
          {data.statements.length === 0 ? <p>None linked yet.</p> : null}
          <ul>
            {data.statements.map((s) => (
              <li key={s.id}>{`${s.theme}: “${s.text}” (${s.id})`}</li>
            ))}
          </ul>
        </section>
      </div>
      {data.runCharts.length > 0 ? (
        <section aria-labelledby="runs-heading">
          <h2 id="runs-heading">Its findings round by round</h2>
          {data.runCharts.map((c) => (
            <RunChart key={c.id} subject={c.label} points={c.points} />
          ))}
        </section>
      ) : null}
      <Milestones milestones={data.milestones} today={data.today} canEdit={data.canEdit} problem={milestoneProblem} />
      {data.canEdit ? <ProgressUpdateForm key={submissionKey} lastResult={lastResult} submissionKey={submissionKey} statusLabel={data.statusLabel} statuses={data.statuses} /> : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ActionHistory
          entries={data.entries}
          afterNote={(entry) => {
            if (!data.correctable.includes(entry.id)) return null;
            const here = `/w/${workspace.id}/actions/${action.id}`;
            const problem = correction?.updateId === entry.id ? correction.message : null;
            return searchParams.get("correct") === entry.id || problem ? (
              <CorrectUpdateForm updateId={entry.id} note={entry.note} percent={entry.percent} problem={problem} here={here} />
            ) : (
              <CorrectUpdateLink updateId={entry.id} here={here} />
            );
          }}
        />
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action.title || "Action"} – POET Action Planner` }];
