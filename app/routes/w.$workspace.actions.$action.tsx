import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, Notice } from "~/components/forms";
import { ActionHistory, type HistoryEntry } from "~/components/tracking/ActionHistory";
import { PercentBar, RagBadge } from "~/components/tracking/Badges";
import { can } from "~/domain/access/permissions";
import { mirThemes } from "~/domain/mir";
import { isOverdue } from "~/domain/tracking/filters";
import { effectivePercent, RAG_LABELS, statusLabel } from "~/domain/tracking/status";
import { todayInEngland } from "~/domain/tracking/today";
import { updateAction } from "~/domain/workspace";
import { actionStatusSchema, ragSchema } from "~/domain/workspace/schema";
import { mirStatementsFor } from "~/models/mirWording.server";
import { actionHistory, addProgressUpdate, findPlanAction, statusSettingsFor } from "~/models/tracking.server";
import { listWorkspaceRounds } from "~/models/workspaceRound.server";
import { displayNameOf, notFound, requireWorkspace } from "~/services/auth.server";
import { roundByRound } from "~/domain/tracking/roundChange";
import { comparableRounds, findingChanges, findingLabel, planQuestionSet } from "~/services/roundChanges.server";
import { RoundComparePicker } from "~/components/tracking/RoundComparePicker";
import { roundDate } from "~/models/roundRecord.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const { workspace } = access;
  const action = await findPlanAction(workspace.id, params.action ?? "");
  if (!action) notFound("There is no such action in this plan.");
  const [statuses, history, rounds, mir] = await Promise.all([
    statusSettingsFor(workspace.orgId),
    actionHistory(workspace.id, action.id),
    listWorkspaceRounds(workspace.id, workspace.orgId),
    mirStatementsFor(workspace.orgId),
  ]);
  const url = new URL(request.url);
  const choice = { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
  const [changes, compared] = await Promise.all([findingChanges(workspace.orgId, rounds, action.findingIds, choice), comparableRounds(workspace.orgId, rounds, choice)]);
  const option = (r: { id: string; name: string; importedAt: Date; fieldworkStart: Date | null; fieldworkEnd: Date | null }) => ({ id: r.id, name: r.name, date: roundDate(r).toISOString() });
  const round = rounds[0] ?? null;
  const entries: HistoryEntry[] = [
    ...history.events.map((e) => ({ kind: "event" as const, id: e.id, at: e.at.toISOString(), who: e.actorName, field: e.field, from: labelFor(e.field, e.fromValue), to: labelFor(e.field, e.toValue) })),
    ...history.notes.map((n) => ({ kind: "note" as const, id: n.id, at: n.at.toISOString(), who: n.authorName, note: n.note, percent: n.percent })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  function labelFor(field: string, value: string | null) {
    if (value === null) return null;
    return field === "status" ? statusLabel(statuses, value) : value;
  }
  return {
    workspace,
    action,
    statusLabel: statusLabel(statuses, action.status),
    percent: effectivePercent(statuses, action.status, action.manualPercent),
    overdue: isOverdue(action, todayInEngland()),
    statuses,
    entries,
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
    canEdit: can(access.actor, "edit:workspace"),
    comparison: { starts: compared.starts.map(option), ends: (compared.allLater ?? []).map(option), from: compared.baseline?.id ?? null, to: compared.latest?.id ?? null },
  };
}

const ProgressUpdate = z.object({
  note: z.string({ required_error: "Write what has happened, even briefly" }).trim().min(1, "Write what has happened, even briefly").max(5000),
  status: z.union([z.literal("keep"), actionStatusSchema]).default("keep"),
  rag: z.union([z.literal("keep"), ragSchema]).default("keep"),
  percent: z.number({ invalid_type_error: "Enter a whole number from 0 to 100" }).int("Enter a whole number from 0 to 100").min(0, "Enter a whole number from 0 to 100").max(100, "Enter a whole number from 0 to 100").optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { workspace, principal } = await requireWorkspace(request, params.workspace, "edit:workspace");
  const existing = await findPlanAction(workspace.id, params.action ?? "");
  if (!existing) notFound("There is no such action in this plan.");
  const submission = parseWithZod(await request.formData(), { schema: ProgressUpdate });
  if (submission.status !== "success") return submission.reply();
  const { note, status, rag, percent } = submission.value;
  const actor = { actorId: principal.kind === "user" ? principal.user.id : null, actorName: displayNameOf(principal) };
  const change = { ...(status !== "keep" && status !== existing.status ? { status } : {}), ...(rag !== "keep" && rag !== existing.rag ? { rag } : {}) };
  if (Object.keys(change).length > 0) {
    await context.collab.withDocument(workspace.id, (doc) => updateAction(doc, existing.id, change), { source: "server", ...actor });
  }
  await addProgressUpdate({ workspaceId: workspace.id, actionId: existing.id, note, percent: percent ?? null, authorId: actor.actorId, authorName: actor.actorName });
  return redirect(`/w/${workspace.id}/actions/${existing.id}?saved=1`);
}

export default function ActionPage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<z.input<typeof ProgressUpdate>>({ lastResult });
  const { action, workspace } = data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/w/${workspace.id}/plan`}>Tracking: {workspace.name}</Link>
      </p>
      <h1>{action.title || "Untitled action"}</h1>
      {searchParams.get("saved") ? <Notice tone="success">Your progress update has been saved.</Notice> : null}
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
              {data.overdue ? <strong className="overdue-flag"> Overdue</strong> : null}
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
      {data.canEdit ? (
        <section aria-labelledby="update-heading">
          <h2 id="update-heading">Add a progress update</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" {...getFormProps(form)} className="stack">
            <div className={fields.note.errors?.length ? "field field--error" : "field"}>
              <label htmlFor={fields.note.id}>What has happened?</label>
              <p id={fields.note.errorId} className="field-error" hidden={!fields.note.errors?.length}>
                {fields.note.errors?.join(" ")}
              </p>
              <textarea id={fields.note.id} name={fields.note.name} rows={3} aria-invalid={fields.note.errors?.length ? true : undefined} aria-describedby={fields.note.errors?.length ? fields.note.errorId : undefined} />
            </div>
            <div className="field">
              <label htmlFor="update-status">Status</label>
              <select id="update-status" name="status" defaultValue="keep">
                <option value="keep">{`Keep as it is (${data.statusLabel})`}</option>
                {data.statuses.map((s) => (
                  <option key={s.status} value={s.status}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="update-rag">RAG rating</label>
              <select id="update-rag" name="rag" defaultValue="keep">
                <option value="keep">Keep as it is</option>
                {Object.entries(RAG_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className={fields.percent.errors?.length ? "field field--error" : "field"}>
              <label htmlFor={fields.percent.id}>Percent done (optional)</label>
              <p className="hint" id={`${fields.percent.id}-hint`}>Leave blank to use the status’s usual figure.</p>
              <p id={fields.percent.errorId} className="field-error" hidden={!fields.percent.errors?.length}>
                {fields.percent.errors?.join(" ")}
              </p>
              <input id={fields.percent.id} name={fields.percent.name} type="number" min={0} max={100} inputMode="numeric" aria-describedby={`${fields.percent.id}-hint`} aria-invalid={fields.percent.errors?.length ? true : undefined} />
            </div>
            <button type="submit" className="button">
              Save progress update
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ActionHistory entries={data.entries} />
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action.title || "Action"} – POET Action Planner` }];
