// The board paper: a title page, the plan at a glance as charts with their figures, and every action laid out to
// read well in print (A4, page numbers and the council's name on every page). ?view=easy is the easy-read version.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EasyReadReport } from "~/components/report/EasyReadReport";
import { ReportActionItem } from "~/components/report/ReportActionItem";
import { ReportChart } from "~/components/report/ReportChart";
import { ReportSelfAssessment } from "~/components/report/ReportSelfAssessment";
import { requireWorkspace } from "~/services/auth.server";
import { buildBoardReport } from "~/services/boardReport.server";
import { auditExport } from "~/services/planExport.server";
import reportStyles from "~/styles/report.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireWorkspace(request, params.workspace, "export:plan");
  const easy = new URL(request.url).searchParams.get("view") === "easy";
  const report = await buildBoardReport(access);
  await auditExport(access, easy ? "easy-read report" : "printable report", context.clientIp);
  return { report, easy, workspaceId: access.workspace.id };
}

/** A CSS string for any text: everything but letters, digits and spaces as a CSS escape, so nothing can close the string or the style element. */
function cssString(text: string): string {
  return `"${[...text.replace(/[\n\r]/g, " ")].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join("")}"`;
}

export default function Report() {
  const { report, easy, workspaceId } = useLoaderData<typeof loader>();
  const pageStyle = `@page { @top-left { content: ${cssString(report.council)}; } @bottom-right { content: "Page " counter(page) " of " counter(pages); } }`;
  return (
    <article className={easy ? "report report--easy" : "report"}>
      {/* Inner HTML, not a text child: React escapes quotes in text, so the page it draws would differ from the server's. cssString leaves nothing to escape. */}
      <style dangerouslySetInnerHTML={{ __html: pageStyle }} />
      <p className="no-print breadcrumb">
        <Link to={`/w/${workspaceId}/plan`}>Back to tracking</Link> ·{" "}
        {easy ? <Link to={`/w/${workspaceId}/report`}>Full board paper</Link> : <Link to={`/w/${workspaceId}/report?view=easy`}>Easy-read version</Link>} ·{" "}
        <a href={`/w/${workspaceId}/report.docx`}>Download as Word</a> · Use your browser’s Print command (Ctrl+P) to print or save as PDF.
      </p>
      <header className="report-title-page">
        {report.hasLogo ? <img className="report-logo" src={`/w/${workspaceId}/logo`} alt={`${report.council} logo`} /> : null}
        <p className="report-council">{report.council}</p>
        <h1>
          {report.plan}
          <span className="report-subtitle">{easy ? "What we are doing: an easy-read report" : "Progress report to the board"}</span>
        </h1>
        <p className="report-date">{`Report date: ${report.date}`}</p>
        <p className="report-coproduced">{report.coProducedLine}</p>
        {report.round ? <p>{`Based on what people told us in ${report.round.name}.`}</p> : null}
      </header>
      {easy ? <EasyReadReport report={report} /> : <FullReport report={report} />}
    </article>
  );
}

function FullReport({ report }: { report: ReturnType<typeof useLoaderData<typeof loader>>["report"] }) {
  return (
    <>
      <section className="report-section" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <p>{`${report.counts.total} actions: ${report.counts.complete} complete, ${report.counts.overdue} overdue, ${report.counts.unowned} without an owner.`}</p>
        <div className="report-charts">
          {report.charts.map((chart) => (
            <ReportChart key={chart.id} chart={chart} />
          ))}
        </div>
      </section>
      {report.priorities.length ? (
        <section className="report-section" aria-labelledby="priorities-heading">
          <h2 id="priorities-heading">The plan's priorities</h2>
          <p>The actions the workshop chose to do first, in order.</p>
          <ol data-testid="report-priorities">
            {report.priorities.map((p) => (
              <li key={p.id}>{p.title}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {report.selfAssessment ? <ReportSelfAssessment assessment={report.selfAssessment} /> : null}
      {report.round ? (
        <section className="report-section" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{`What people told us (${report.round.name})`}</h2>
          {report.round.approximate ? <p className="muted">Compared with approximate national figures from published POET reports.</p> : null}
          <h3>Areas to act on</h3>
          {report.weaknesses.length ? <ul>{report.weaknesses.map((s) => <li key={s}>{s}</li>)}</ul> : <p>No findings were significantly below England.</p>}
          <h3>Strengths</h3>
          {report.strengths.length ? <ul>{report.strengths.map((s) => <li key={s}>{s}</li>)}</ul> : <p>No findings were significantly above England.</p>}
        </section>
      ) : null}
      <section className="report-actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        {report.actions.length === 0 ? <p>This plan has no actions yet.</p> : null}
        <ol className="report-action-list">
          {report.actions.map((action) => (
            <ReportActionItem key={action.id} action={action} />
          ))}
        </ol>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.plan ?? "Plan"}: ${data?.easy ? "easy-read report" : "progress report"} – ${data?.report.council ?? ""}` },
];
