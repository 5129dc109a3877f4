import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { can } from "~/domain/access/permissions";
import { PlanFilters } from "~/components/tracking/PlanFilters";
import { PlanTable, type PlanRow } from "~/components/tracking/PlanTable";
import { filterActions, isOverdue, planCounts, PlanQuery, sortActions, themesOf } from "~/domain/tracking/filters";
import { effectivePercent, statusLabel } from "~/domain/tracking/status";
import { flagsOf } from "~/domain/tracking/flags";
import { milestoneSentence, summariseMilestones } from "~/domain/tracking/milestones";
import { dayInEngland, todayInEngland } from "~/domain/tracking/today";
import { resolveOwner, type OwnerChoice } from "~/domain/workspace/owner";
import { actionStatusSchema, isoDateSchema } from "~/domain/workspace/schema";
import { displayNameOf, mayInPlan, requireWorkspace } from "~/services/auth.server";
import { applyBulkChange } from "~/services/bulkChange.server";
import { findingLabel, planQuestionSet } from "~/services/roundChanges.server";
import { PlanSelfAssessmentNote } from "~/components/selfAssessment/PlanSelfAssessmentNote";
import { selfAssessmentSummary } from "~/services/selfAssessment.server";
import { ownerChoicesFor } from "~/services/workshop.server";
import { sharedReads } from "~/services/sharedReads.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const { workspace, principal } = access;
  const query = PlanQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [actions, statuses, rounds, owners, milestones, staleAfterDays] = await Promise.all([
    sharedReads.listPlanActions(workspace.id),
    sharedReads.statusSettingsFor(workspace.orgId),
    sharedReads.listWorkspaceRounds(workspace.id, workspace.orgId),
    // Only people who may change owners are offered the council's members.
    mayInPlan(access, "edit:workspace") ? ownerChoicesFor(access) : ([] as OwnerChoice[]),
    sharedReads.milestonesOfPlans([workspace.id]),
    sharedReads.staleAfterDaysFor(workspace.orgId),
  ]);
  const selfAssessment = await selfAssessmentSummary(access, actions);
  const today = todayInEngland();
  const allFindingIds = [...new Set(actions.flatMap((a) => a.findingIds))];
  const changes = await sharedReads.findingChanges(workspace.orgId, rounds, allFindingIds);
  const questionSet = planQuestionSet(rounds);
  const shown = sortActions(filterActions(actions, query, { id: principal.kind === "user" ? principal.user.id : null, name: displayNameOf(principal) }, today), query.sort, query.dir);
  const rows: PlanRow[] = shown.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    statusLabel: statusLabel(statuses, a.status),
    rag: a.rag,
    priority: a.priority,
    owner: a.owner,
    due: a.due,
    ...flagsOf(a, today, staleAfterDays, dayInEngland),
    milestones: milestoneSentence(summariseMilestones(milestones.get(`${workspace.id}/${a.id}`) ?? [])),
    percent: effectivePercent(statuses, a.status, a.manualPercent),
    themes: themesOf(a),
    findings: a.findingIds.map((id) => ({ id, label: findingLabel(id, questionSet), change: changes.get(id)?.sentence ?? null })),
    valid: a.valid,
  }));
  return {
    workspace,
    query,
    rows,
    counts: planCounts(actions, today),
    statuses,
    findings: allFindingIds.map((id) => ({ id, label: findingLabel(id, questionSet) })),
    canEdit: mayInPlan(access, "edit:workspace"),
    canExport: mayInPlan(access, "export:plan"),
    canPublish: mayInPlan(access, "publish:plan"),
    archived: access.archived,
    canManage: can(access.actor, "manage:workspace"),
    owners,
    staleAfterDays,
    selfAssessment,
  };
}

const Bulk = z.object({
  intent: z.literal("bulk"),
  ids: z.array(z.string().min(1).max(64)).min(1, "Tick at least one action to change.").max(1000),
  status: z.union([z.literal(""), actionStatusSchema]),
  owner: z.string().trim().max(200),
  due: z.union([z.literal(""), isoDateSchema]),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "edit:workspace");
  const { workspace, principal } = access;
  const form = await readForm(request);
  const parsed = Bulk.safeParse({ intent: form.get("intent"), ids: form.getAll("ids"), status: form.get("status") ?? "", owner: form.get("owner") ?? "", due: form.get("due") ?? "" });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(" ") };
  const { ids, status, owner, due } = parsed.data;
  // A member's name (as the suggestions offer it) records their account too; any other name is free text.
  const change = { ...(status ? { status } : {}), ...(owner ? resolveOwner(owner, await ownerChoicesFor(access)) : {}), ...(due ? { due } : {}) };
  if (Object.keys(change).length === 0) return { ok: false, message: "Choose a status, an owner or a due date to apply." };
  const result = await applyBulkChange(context.collab, workspace.id, ids, change, {
    actorId: principal.kind === "user" ? principal.user.id : null,
    actorName: displayNameOf(principal),
  });
  const missing = result.missing.length ? ` ${result.missing.length} could not be found (they may have been deleted).` : "";
  return { ok: result.changed > 0, message: `Changed ${result.changed} action${result.changed === 1 ? "" : "s"}.${missing}` };
}

export default function Plan() {
  const { workspace, query, rows, counts, statuses, findings, canEdit, canExport, canPublish, owners, archived, canManage, staleAfterDays, selfAssessment } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/w/${workspace.id}`}>{workspace.name}</Link>
      </p>
      <h1>Tracking: {workspace.name}</h1>
      {archived ? (
        <Notice tone="warning">
          This plan is archived: it can be read and exported but not changed.{" "}
          {canManage ? <Link to={`/w/${workspace.id}/settings`}>Restore it in the plan settings.</Link> : "A facilitator or owner can restore it."}
        </Notice>
      ) : canManage ? (
        <p>
          <Link to={`/w/${workspace.id}/settings`}>Plan settings</Link>: rename or archive this plan.
        </p>
      ) : null}
      <ul className="counts" aria-label="This plan at a glance">
        <li>{`${counts.total} actions`}</li>
        <li>{`${counts.overdue} overdue`}</li>
        <li>{`${counts.dueSoon} due in 30 days`}</li>
        <li>{`${counts.unowned} without an owner`}</li>
        <li>{`${counts.complete} complete`}</li>
      </ul>
      {canExport ? (
        <p className="button-row">
          <a className="button button--secondary" href={`/w/${workspace.id}/plan.csv`} download>
            Download CSV
          </a>
          <a className="button button--secondary" href={`/w/${workspace.id}/plan.xlsx`} download>
            Download Excel
          </a>
          <Link className="button button--secondary" to={`/w/${workspace.id}/report`}>
            Printable report
          </Link>
          {canPublish ? (
            <Link className="button button--secondary" to={`/w/${workspace.id}/publish`}>
              “You said, we did” page
            </Link>
          ) : null}
        </p>
      ) : null}
      <PlanSelfAssessmentNote workspaceId={workspace.id} summary={selfAssessment} />
      <PlanFilters query={query} findings={findings} />
      <div aria-live="polite">{outcome ? <Notice tone={outcome.ok ? "success" : "warning"}>{outcome.message}</Notice> : null}</div>
      <p>{`Showing ${rows.length} of ${counts.total} actions.`}</p>
      <PlanTable rows={rows} query={query} statuses={statuses} workspaceId={workspace.id} canEdit={canEdit} owners={owners} staleAfterDays={staleAfterDays} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Tracking: ${data?.workspace.name ?? "Plan"} – POET Action Planner` }];
