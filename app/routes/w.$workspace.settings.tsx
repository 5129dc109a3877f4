// A plan's life: rename it, archive it (read-only, out of the council's list), restore it, or delete it for good.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, Notice } from "~/components/forms";
import { can } from "~/domain/access/permissions";
import { recordAudit } from "~/models/audit.server";
import { deleteWorkspace, renameWorkspace, setWorkspaceArchived } from "~/models/workspace.server";
import { displayNameOf, forbidden, notFound, requireWorkspace, type WorkspaceAccess } from "~/services/auth.server";
import { reconnectEveryoneIn } from "~/services/planAccessChanged.server";
import { readForm } from "~/services/readForm.server";

/** Managing a plan needs the role, whether or not the plan is archived (restoring is how it comes back). */
async function requirePlanManager(request: Request, workspaceId: string | undefined): Promise<WorkspaceAccess> {
  const access = await requireWorkspace(request, workspaceId, "read:workspace");
  if (!can(access.actor, "manage:workspace")) forbidden("Only a facilitator or an owner can rename, archive, restore or delete a plan.");
  return access;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, archived } = await requirePlanManager(request, params.workspace);
  return { workspace: { id: workspace.id, name: workspace.name, org: workspace.org }, archived };
}

const PlanName = z.string({ required_error: "Enter a name for the plan" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters");
const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: PlanName }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("restore") }),
  z.object({ intent: z.literal("delete"), confirmName: z.string({ required_error: "Type the plan’s name to confirm" }).trim() }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requirePlanManager(request, params.workspace);
  const { workspace, principal } = access;
  const submission = parseWithZod(await readForm(request), { schema: Intent });
  if (submission.status !== "success") return submission.reply();
  const v = submission.value;
  const audit = { orgId: workspace.orgId, actorId: principal.kind === "user" ? principal.user.id : null, actorLabel: principal.kind === "user" ? principal.user.email : displayNameOf(principal), ip: context.clientIp };
  const here = `/w/${workspace.id}/settings`;
  if (v.intent === "rename") {
    if (access.archived) return submission.reply({ formErrors: ["Restore the plan before renaming it."] });
    if (!(await renameWorkspace(workspace.orgId, workspace.id, v.name))) notFound();
    await recordAudit({ ...audit, action: "plan-renamed", detail: `“${workspace.name}” to “${v.name}”` });
    return redirect(`${here}?done=renamed`);
  }
  if (v.intent === "delete") {
    if (v.confirmName !== workspace.name.trim()) {
      return submission.reply({ fieldErrors: { confirmName: [`Type the plan’s name exactly as shown, “${workspace.name}”, to delete it.`] } });
    }
    const connected = context.collab.connectedTo(workspace.id);
    if (connected > 0) {
      const people = connected === 1 ? "1 board is" : `${connected} boards are`;
      return submission.reply({ formErrors: [`A workshop is live on this plan: ${people} open. Ask everyone to close the board (or wait until the workshop ends), then delete it.`] });
    }
    const deleted = await deleteWorkspace(workspace.orgId, workspace.id);
    if (!deleted) notFound();
    await context.collab.forgetDocument(workspace.id, "This plan has been deleted.");
    const actions = deleted.actions === 1 ? "1 action" : `${deleted.actions} actions`;
    await recordAudit({ ...audit, action: "plan-deleted", detail: `“${workspace.name}” with ${actions}` });
    return redirect(`/orgs/${workspace.org.slug}?deleted=${encodeURIComponent(workspace.name)}`);
  }
  const archiving = v.intent === "archive";
  const changed = await setWorkspaceArchived(workspace.orgId, workspace.id, archiving ? new Date() : null);
  if (changed) {
    await recordAudit({ ...audit, action: archiving ? "plan-archived" : "plan-restored", detail: workspace.name });
    // Open boards reconnect and are checked again: read-only once archived, editable once restored.
    await reconnectEveryoneIn(context.collab, workspace, archiving ? "This plan has been archived, so it is now read-only." : "This plan has been restored.");
  }
  return redirect(`${here}?done=${archiving ? "archived" : "restored"}`);
}

const DONE: Record<string, string> = {
  renamed: "The plan has been renamed.",
  archived: "The plan has been archived. It is read-only and no longer in the council’s list of plans; restore it here at any time.",
  restored: "The plan has been restored. People can change it again.",
};

export default function PlanSettings() {
  const { workspace, archived } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Both forms post here: each takes the answer only to its own submission.
  const deleting = (lastResult?.initialValue as { intent?: unknown } | null | undefined)?.intent === "delete";
  const [form, fields] = useForm<{ intent: string; name: string }>({ id: "rename-plan", lastResult: deleting ? undefined : lastResult, defaultValue: { name: workspace.name } });
  const [deleteForm, deleteFields] = useForm<{ intent: string; confirmName: string }>({ id: "delete-plan", lastResult: deleting ? lastResult : undefined });
  const done = DONE[searchParams.get("done") ?? ""];
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/orgs/${workspace.org.slug}`}>{workspace.org.name}</Link> › <Link to={`/w/${workspace.id}`}>{workspace.name}</Link>
      </p>
      <h1>Plan settings</h1>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      {archived ? (
        <section aria-labelledby="restore-heading">
          <h2 id="restore-heading">This plan is archived</h2>
          <p>Everyone can still read and export it, and it still counts on the dashboard, but nobody can change it until it is restored.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="restore" />
            <button type="submit" className="button">
              Restore this plan
            </button>
          </Form>
        </section>
      ) : (
        <>
          <section aria-labelledby="rename-heading">
            <h2 id="rename-heading">Name</h2>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="rename" />
              <Field field={fields.name} label="Plan name" />
              <button type="submit" className="button">
                Rename the plan
              </button>
            </Form>
          </section>
          <section aria-labelledby="archive-heading">
            <h2 id="archive-heading">Archive</h2>
            <p>An archived plan is kept for the record: it can be read and exported but not changed, and it leaves the council’s list of plans. You can restore it later.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="button button--secondary">
                Archive this plan
              </button>
            </Form>
          </section>
        </>
      )}
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <p>
          Deleting removes the plan for good: its actions, milestones, progress updates, history and everything written on its board. It cannot be undone and it no
          longer counts on the dashboard. To keep it for the record, archive it instead. A plan cannot be deleted while a workshop is live on it.
        </p>
        <FormErrors id={deleteForm.errorId} errors={deleteForm.errors} />
        <Form method="post" {...getFormProps(deleteForm)}>
          <input type="hidden" name="intent" value="delete" />
          <Field field={deleteFields.confirmName} label={`To confirm, type the plan’s name: ${workspace.name}`} autoComplete="off" />
          <button type="submit" className="button button--danger">
            Delete this plan for good
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Settings: ${data?.workspace.name ?? "Plan"} – POET Action Planner` }];
