import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/domain/access/permissions";
import { listActions } from "~/models/action.server";
import { requireWorkspace } from "~/services/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "read:workspace");
  const actions = await listActions(access.workspace.id);
  return {
    workspace: access.workspace,
    isGuest: access.actor === "guest",
    canManageCodes: can(access.actor, "manage:joincode"),
    actions: actions.map((a) => ({ id: a.id, title: a.title, status: a.status, rag: a.rag, owner: a.owner, due: a.due, valid: a.valid })),
  };
}

export default function Workspace() {
  const { workspace, isGuest, canManageCodes, actions } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">{isGuest ? workspace.org.name : <Link to={`/orgs/${workspace.org.slug}`}>{workspace.org.name}</Link>}</p>
      <h1>{workspace.name}</h1>
      {canManageCodes ? (
        <p>
          <Link to={`/w/${workspace.id}/access`}>Join codes and guests</Link>
        </p>
      ) : null}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        {actions.length === 0 ? <p>No actions yet.</p> : null}
        <ul className="card-list">
          {actions.map((a) => (
            <li key={a.id} className="card">
              <h3>{a.title || "Untitled action"}</h3>
              <p>
                {a.valid ? (
                  <>
                    Status: {a.status.replace("-", " ")} · RAG: {a.rag} · Owner: {a.owner || "nobody yet"}
                    {a.due ? ` · due ${a.due}` : ""}
                  </>
                ) : (
                  "Needs review: some details of this action could not be read."
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.workspace.name ?? "Plan"} – POET Action Planner` }];
