// The easy-read board paper: short plain sentences, one idea each, in larger type.
import type { BoardReport, ReportAction } from "~/services/boardReport.server";
import { easyReadSelfAssessment } from "./ReportSelfAssessment";

function things(n: number): string {
  return n === 1 ? "1 thing" : `${n} things`;
}

export function easyReadSummary(report: Pick<BoardReport, "counts">): string[] {
  const { total, complete, overdue } = report.counts;
  return [
    `We said we would do ${things(total)}.`,
    `We have finished ${complete} of them.`,
    overdue === 0 ? "Nothing is late." : `${things(overdue)} ${overdue === 1 ? "is" : "are"} late.`,
  ];
}

export function easyReadAction(action: ReportAction): string[] {
  return [
    ...(action.priority ? [`This is one of the most important things in our plan: number ${action.priority}.`] : []),
    `What is happening now: ${action.status}.`,
    action.owner ? `Who is doing it: ${action.owner}.` : "Nobody has said they will do this yet.",
    action.due ? `When it should be done: ${action.due}.${action.overdue ? " It is late." : ""}` : "There is no date for this yet.",
    ...action.findings.map((f) => `People told us: ${f}`),
    ...(action.latestUpdate ? [`Latest news: ${action.latestUpdate}`] : []),
  ];
}

export function EasyReadReport({ report }: { report: BoardReport }) {
  return (
    <>
      <section className="report-section" aria-labelledby="easy-summary">
        <h2 id="easy-summary">How we are doing</h2>
        {easyReadSummary(report).map((s) => <p key={s}>{s}</p>)}
      </section>
      {report.priorities.length ? (
        <section className="report-section" aria-labelledby="easy-priorities">
          <h2 id="easy-priorities">The most important things</h2>
          <p>We chose these things to do first.</p>
          <ol data-testid="easy-priorities">
            {report.priorities.map((p) => (
              <li key={p.id}>{p.title}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {report.selfAssessment ? (
        <section className="report-section" aria-labelledby="easy-self-assessment">
          <h2 id="easy-self-assessment">{`How we think we are doing (${report.selfAssessment.year})`}</h2>
          <p>We looked at the Making it Real statements together and said how well we are doing.</p>
          <ul>{easyReadSelfAssessment(report.selfAssessment).map((s) => <li key={s}>{s}</li>)}</ul>
        </section>
      ) : null}
      <section aria-labelledby="easy-actions">
        <h2 id="easy-actions">The things we said we would do</h2>
        {report.actions.map((action) => (
          <section key={action.id} className="report-action" aria-labelledby={`easy-${action.id}`}>
            <h3 id={`easy-${action.id}`}>{action.title}</h3>
            {easyReadAction(action).map((s) => <p key={s}>{s}</p>)}
          </section>
        ))}
      </section>
    </>
  );
}
