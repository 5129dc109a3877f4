// The plan table's rows. The server renders them to HTML once per content (planRows.server) with plain
// links; in the browser, once the page has hydrated, React renders them with Remix links as usual.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FlagBadges, PercentBar, RagBadge } from "./Badges";

export type PlanRow = {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  rag: string;
  /** The plan's priority this action is (1 = first), or null. */
  priority: number | null;
  owner: string;
  due: string | null;
  overdue: boolean;
  /** No progress update for the council's number of days (and not complete). */
  stale: boolean;
  /** "2 of 3 milestones done, next 14 Mar 2027", or null when the action has none. */
  milestones: string | null;
  percent: number;
  themes: string[];
  findings: { id: string; label: string; change: string | null }[];
  valid: boolean;
};

export const PLAN_ROWS_ID = "plan-rows";

export type PlanRowsProps = { rows: readonly PlanRow[]; workspaceId: string; canEdit: boolean; staleAfterDays: number };

type Anchor = (props: { to: string; children: ReactNode }) => ReactNode;
const RemixLink: Anchor = ({ to, children }) => <Link to={to}>{children}</Link>;
/** Outside the router (the server's render once): the same link as plain HTML. */
export const PlainLink: Anchor = ({ to, children }) => <a href={to}>{children}</a>;

export function PlanRows({ rows, workspaceId, canEdit, staleAfterDays, Anchor = RemixLink }: PlanRowsProps & { Anchor?: Anchor }) {
  return rows.map((row) => (
    <tr key={row.id} className={row.overdue ? "is-overdue" : undefined}>
      {canEdit ? (
        <td>
          <input type="checkbox" name="ids" value={row.id} id={`select-${row.id}`} aria-label={`Select “${row.title || "Untitled action"}”`} />
        </td>
      ) : null}
      <td data-testid="plan-priority">
        {row.priority ? <span className="tag tag--priority">{`Priority ${row.priority}`}</span> : <span className="muted">No</span>}
      </td>
      <td>
        <Anchor to={`/w/${workspaceId}/actions/${row.id}`}>{row.title || "Untitled action"}</Anchor>
        {!row.valid ? <span className="tag tag--warning"> Needs review</span> : null}
        {row.themes.length ? <span className="muted"> · {row.themes.join(", ")}</span> : null}
        {row.milestones ? <span className="milestone-summary">{row.milestones}</span> : null}
      </td>
      <td>{row.statusLabel}</td>
      <td>
        <RagBadge rag={row.rag} />
        <FlagBadges flags={row} staleAfterDays={staleAfterDays} />
      </td>
      <td>{row.owner || <span className="muted">No owner</span>}</td>
      <td>{row.due ?? <span className="muted">No date</span>}</td>
      <td>
        <PercentBar percent={row.percent} label={`Percent done for “${row.title || "Untitled action"}”`} />
      </td>
      <td>
        <ul className="compact-list">
          {row.findings.map((f) => (
            <li key={f.id}>
              {f.label}
              {f.change ? <span className="change"> — {f.change}</span> : null}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  ));
}
