import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, Notice } from "~/components/forms";
import { can } from "~/domain/access/permissions";
import { dateInEngland, dateTimeInEngland } from "~/domain/tracking/today";
import { listMembers } from "~/models/organisation.server";
import { listRounds } from "~/models/round.server";
import { createWorkspace, listArchivedWorkspaces, listWorkspaces } from "~/models/workspace.server";
import { requireCouncil } from "~/services/auth.server";
import { readForm } from "~/services/readForm.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireCouncil(request, params.org, "read:council");
  const [rounds, workspaces, archived, members, archivedRounds] = await Promise.all([
    listRounds(org.id),
    listWorkspaces(org.id),
    listArchivedWorkspaces(org.id),
    listMembers(org.id),
    listRounds(org.id, { archived: true }),
  ]);
  return {
    org,
    rounds: rounds.map((r) => ({ ...r, importedAt: r.importedAt.toISOString() })),
    archivedRounds: archivedRounds.map((r) => ({ id: r.id, name: r.name })),
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, actionCount: w._count.actions, rounds: w.rounds.map((r) => r.round.name) })),
    archived: archived.map((w) => ({ id: w.id, name: w.name, actionCount: w._count.actions, archivedAt: (w.archivedAt ?? new Date()).toISOString() })),
    memberCount: members.length,
    canManagePlans: can(role, "manage:workspace"),
    canImport: can(role, "create:round"),
    canCreatePlan: can(role, "create:workspace"),
  };
}

const NewPlan = z.object({
  name: z.string({ required_error: "Enter a name for the plan" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters"),
  roundId: z.string().optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireCouncil(request, params.org, "create:workspace");
  const submission = parseWithZod(await readForm(request), { schema: NewPlan });
  if (submission.status !== "success") return submission.reply();
  const workspace = await createWorkspace({ orgId: org.id, name: submission.value.name, createdById: user.id, roundIds: submission.value.roundId ? [submission.value.roundId] : [] });
  return redirect(`/w/${workspace.id}`);
}

export default function CouncilHome() {
  const deletedPlan = useSearchParams()[0].get("deleted");
  const { org, rounds, archivedRounds, workspaces, archived, memberCount, canImport, canCreatePlan, canManagePlans } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof NewPlan>>({ lastResult });
  return (
    <>
      <h1>{org.name}</h1>
      {deletedPlan ? <Notice tone="success">{`The plan “${deletedPlan}” has been deleted.`}</Notice> : null}
      {org.isDemo ? <p className="tag tag--synthetic">Demo council: all its data is synthetic</p> : null}
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">POET survey rounds</h2>
        {rounds.length === 0 ? <p>No POET results yet.</p> : null}
        <ul className="card-list">
          {rounds.map((round) => (
            <li key={round.id} className="card">
              <h3>
                <Link to={`/orgs/${org.slug}/rounds/${round.id}`}>{round.name}</Link>
              </h3>
              <p>
                {round.kind === "aggregate" ? "Report tables" : `${round.respondentCount.toLocaleString("en-GB")} people`} · imported{" "}
                {dateInEngland(round.importedAt)}
                {round.isSynthetic ? " · synthetic demo data" : ""}
              </p>
            </li>
          ))}
        </ul>
        {archivedRounds.length > 0 ? (
          <details>
            <summary>Archived rounds ({archivedRounds.length})</summary>
            <ul>
              {archivedRounds.map((r) => (
                <li key={r.id}>
                  <Link to={`/orgs/${org.slug}/rounds/${r.id}`}>{r.name}</Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {canImport ? (
          <p>
            <Link className="button" to={`/orgs/${org.slug}/rounds/new`}>
              Import POET results
            </Link>{" "}
            <Link className="button button--secondary" to={`/orgs/${org.slug}/collections`}>
              Collect answers in the app
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">Action plans</h2>
        {workspaces.length === 0 ? <p>No action plans yet.</p> : null}
        <ul className="card-list">
          {workspaces.map((w) => (
            <li key={w.id} className="card">
              <h3>
                <Link to={`/w/${w.id}`}>{w.name}</Link>
              </h3>
              <p>
                {w.actionCount} action{w.actionCount === 1 ? "" : "s"}
                {w.rounds.length ? ` · evidence: ${w.rounds.join(", ")}` : ""}
              </p>
            </li>
          ))}
        </ul>
        {canCreatePlan ? (
          <details className="disclosure">
            <summary>Start a new action plan</summary>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Form method="post" {...getFormProps(form)}>
              <Field field={fields.name} label="Plan name" hint="For example: Action plan 2026–27" />
              {rounds.length ? (
                <div className="field">
                  <label htmlFor="plan-round">Evidence to work from</label>
                  <select id="plan-round" name="roundId" defaultValue={rounds[0]?.id}>
                    {rounds.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit" className="button">
                Create plan
              </button>
            </Form>
          </details>
        ) : null}
      </section>
      {archived.length ? (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived plans</h2>
          <p>Kept for the record: they can be read and exported, and still count on the dashboard.</p>
          <ul className="card-list">
            {archived.map((w) => (
              <li key={w.id} className="card">
                <h3>
                  <Link to={`/w/${w.id}/plan`}>{w.name}</Link>
                </h3>
                <p>
                  {`${w.actionCount} action${w.actionCount === 1 ? "" : "s"} · archived ${dateTimeInEngland(w.archivedAt)}`}
                  {canManagePlans ? (
                    <>
                      {" · "}
                      <Link to={`/w/${w.id}/settings`} aria-label={`Restore ${w.name}`}>
                        restore
                      </Link>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        {memberCount} member{memberCount === 1 ? "" : "s"} · <Link to={`/orgs/${org.slug}/members`}>see members</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.org.name ?? "Council"} – POET Action Planner` }];
