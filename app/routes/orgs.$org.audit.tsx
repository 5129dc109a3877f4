import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listAudit } from "~/models/audit.server";
import { requireCouncil } from "~/services/auth.server";
import { dateTimeInEngland } from "~/domain/tracking/today";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireCouncil(request, params.org, "read:audit");
  const events = await listAudit(org.id);
  return { org, events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
}

export default function AuditLog() {
  const { org, events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p>The latest {events.length} recorded events for {org.name}: who did what, when and from where.</p>
      <div className="table-scroll" role="region" aria-label="Audit events" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Detail</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{dateTimeInEngland(e.at)}</td>
                <td>{e.actorLabel}</td>
                <td>{e.action.replace(/-/g, " ")}</td>
                <td>{e.detail}</td>
                <td>{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Audit log – POET Action Planner" }];
