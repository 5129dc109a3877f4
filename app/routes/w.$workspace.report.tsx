// A printable board report (A4 print stylesheet): council, date, the evidence, and every action with status.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RagBadge } from "~/components/tracking/Badges";
import { planCounts } from "~/domain/tracking/filters";
import { todayInEngland } from "~/domain/tracking/today";
import { loadRoundEvidence } from "~/models/round.server";
import { requireWorkspace } from "~/services/auth.server";
import { auditExport, planExport } from "~/services/planExport.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "export:plan");
  const { workspace } = access;
  const { rows, actions, rounds } = await planExport(access);
  const round = rounds[0] ?? null;
  const evidence = round ? await loadRoundEvidence(workspace.orgId, round.id) : null;
  const key = (classification: string) =>
    (evidence?.analysis.findings ?? []).filter((f) => f.group === "all" && f.classification === classification).map((f) => ({ id: f.id, sentence: f.sentence }));
  await auditExport(access, "printable report", context.clientIp);
  return {
    council: workspace.org.name,
    plan: workspace.name,
    date: new Date(`${todayInEngland()}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }),
    round: round ? { name: round.name, approximate: evidence?.benchmark.approximate ?? false } : null,
    weaknesses: key("weakness"),
    strengths: key("strength"),
    counts: planCounts(actions, todayInEngland()),
    rows,
    workspaceId: workspace.id,
  };
}

export default function Report() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="report">
      <p className="no-print breadcrumb">
        <Link to={`/w/${data.workspaceId}/plan`}>Back to tracking</Link> · Use your browser’s Print command (Ctrl+P) to print or save as PDF.
      </p>
      <header>
        <p className="muted">{data.council}</p>
        <h1>{data.plan}: progress report</h1>
        <p>{`Report date: ${data.date}. ${data.counts.total} actions: ${data.counts.complete} complete, ${data.counts.overdue} overdue, ${data.counts.unowned} without an owner.`}</p>
      </header>
      {data.round ? (
        <section className="report-section" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{`What people told us (${data.round.name})`}</h2>
          {data.round.approximate ? <p className="muted">Compared with approximate national figures from published POET reports.</p> : null}
          <h3>Areas to act on</h3>
          {data.weaknesses.length ? (
            <ul>
              {data.weaknesses.map((f) => (
                <li key={f.id}>{f.sentence}</li>
              ))}
            </ul>
          ) : (
            <p>No findings were significantly below England.</p>
          )}
          <h3>Strengths</h3>
          {data.strengths.length ? (
            <ul>
              {data.strengths.map((f) => (
                <li key={f.id}>{f.sentence}</li>
              ))}
            </ul>
          ) : (
            <p>No findings were significantly above England.</p>
          )}
        </section>
      ) : null}
      <section className="report-section" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Status</th>
              <th scope="col">RAG</th>
              <th scope="col">Done</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Latest update</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={String(r["Action id"])}>
                <td>
                  {String(r.Action) || "Untitled action"}
                  {r.Findings ? <div className="muted">{`Answers: ${r.Findings}`}</div> : null}
                  {r["Change since the plan's round"] ? <div className="muted">{String(r["Change since the plan's round"])}</div> : null}
                </td>
                <td>{String(r.Status)}</td>
                <td>
                  <RagBadge rag={String(r.RAG)} />
                </td>
                <td>{`${r["Percent done"]}%`}</td>
                <td>{String(r.Owner) || "—"}</td>
                <td>
                  {String(r.Due) || "—"}
                  {r.Overdue === "yes" ? <strong className="overdue-flag"> Overdue</strong> : null}
                </td>
                <td>{String(r["Latest update"])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.plan ?? "Plan"}: progress report – ${data?.council ?? ""}` }];
