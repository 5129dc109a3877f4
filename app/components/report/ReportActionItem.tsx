// One action in the board paper: a heading, its facts in a short list, then the evidence and the latest update as prose.
import { RagBadge } from "~/components/tracking/Badges";
import type { ReportAction } from "~/services/boardReport.server";

export function ReportActionItem({ action }: { action: ReportAction }) {
  const headingId = `action-${action.id}`;
  return (
    <li className="report-action" aria-labelledby={headingId}>
      <h3 id={headingId}>{action.title}</h3>
      <dl className="report-facts">
        {action.priority ? (
          <div>
            <dt>Priority</dt>
            <dd>
              <strong className="tag tag--priority">{`Priority ${action.priority}`}</strong>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Status</dt>
          <dd>{`${action.status} (${action.percent}% done)`}</dd>
        </div>
        <div>
          <dt>RAG</dt>
          <dd>
            <RagBadge rag={action.rag} />
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{action.owner || "No owner yet"}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>
            {action.due ?? "No due date"}
            {action.overdue ? <strong className="overdue-flag"> Overdue</strong> : null}
          </dd>
        </div>
      </dl>
      {action.findings.length ? (
        <>
          <h4>Why: what people told us</h4>
          <ul>{action.findings.map((f) => <li key={f}>{f}</li>)}</ul>
          {action.changes.map((c) => <p key={c} className="muted">{c}</p>)}
        </>
      ) : null}
      {action.statements.length ? (
        <>
          <h4>Making it Real statements</h4>
          <ul>{action.statements.map((s) => <li key={s}>{s}</li>)}</ul>
        </>
      ) : null}
      {action.milestones.length ? (
        <>
          <h4>Milestones</h4>
          <ul>{action.milestones.map((m) => <li key={m}>{m}</li>)}</ul>
        </>
      ) : null}
      <h4>Latest update</h4>
      <p className="report-update">{action.latestUpdate ?? "No progress update yet."}</p>
    </li>
  );
}
