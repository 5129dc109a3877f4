import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/domain/access/permissions";
import { todayInEngland } from "~/domain/tracking/today";
import { overdueActionsOwnedBy } from "~/models/notification.server";
import { listCouncilsForUser } from "~/models/organisation.server";
import { getPrincipal } from "~/services/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await getPrincipal(request);
  if (principal?.kind === "guest") throw redirect(`/w/${principal.guest.workspaceId}`);
  if (principal?.kind !== "user") return { user: null, councils: [], overdue: [] };
  const [councils, overdue] = await Promise.all([
    listCouncilsForUser(principal.user.id),
    overdueActionsOwnedBy(principal.user.id, principal.user.name, todayInEngland()),
  ]);
  return { user: principal.user, councils, overdue: overdue.map((a) => ({ id: a.id, title: a.title, due: a.due, workspaceId: a.workspaceId, plan: a.workspace.name })) };
}

function Introduction() {
  return (
    <div className="home">
      <h1>Turn what people told you into better lives</h1>
      <p className="lead">
        POET Action Planner helps English councils and the people who draw on care and support turn POET survey
        results into a co-produced action plan — and keep it alive until the next survey.
      </p>
      <p className="button-row">
        <Link className="button" to="/join">
          Join a workshop with a code
        </Link>
        <Link className="button button--secondary" to="/login">
          Sign in
        </Link>
        <Link className="button button--secondary" to="/signup">
          Create an account
        </Link>
      </p>
      <ol className="steps">
        <li>
          <h2>See the evidence</h2>
          <p>Import your POET results. See where your council does better or worse than England, and for whom, in plain words.</p>
        </li>
        <li>
          <h2>Plan together</h2>
          <p>People who use services, carers, providers and staff agree actions together, live, in one shared workspace.</p>
        </li>
        <li>
          <h2>Keep the plan</h2>
          <p>Track owners, dates and progress against Making it Real, report to your board, and see whether things improved.</p>
        </li>
      </ol>
    </div>
  );
}

export default function Home() {
  const { user, councils, overdue } = useLoaderData<typeof loader>();
  if (!user) return <Introduction />;
  return (
    <>
      {overdue.length ? (
        <section className="overdue-alert" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{`You own ${overdue.length} overdue action${overdue.length === 1 ? "" : "s"}`}</h2>
          <ul>
            {overdue.map((a) => (
              <li key={`${a.workspaceId}:${a.id}`}>
                <Link to={`/w/${a.workspaceId}/actions/${a.id}`}>{a.title || "Untitled action"}</Link>
                {` — due ${a.due}, in ${a.plan}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h1>Your councils</h1>
      {councils.length === 0 ? <p>You are not a member of a council yet. Ask a council owner for an invitation link, or set one up.</p> : null}
      <ul className="card-list">
        {councils.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/orgs/${c.slug}`}>{c.name}</Link>
            </h2>
            <p>Your role: {ROLE_LABELS[c.role]}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/orgs/new">Set up a new council</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [
  { title: "POET Action Planner" },
  { name: "description", content: "Turn your council's POET survey results into a co-produced action plan that people keep." },
];
