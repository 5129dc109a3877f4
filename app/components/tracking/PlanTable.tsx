import { Form, Link } from "@remix-run/react";
import type { PlanQuery } from "~/domain/tracking/filters";
import type { StatusSetting } from "~/domain/tracking/status";
import type { OwnerChoice } from "~/domain/workspace/owner";
import { useHydrated } from "~/components/evidence/useHydrated";
import { PLAN_ROWS_ID, PlanRows, type PlanRow, type PlanRowsProps } from "./PlanRows";
import { planRowsHtml } from "./planRows.server";

export type { PlanRow } from "./PlanRows";

const COLUMNS: { key: PlanQuery["sort"]; label: string }[] = [
  { key: "priority", label: "Priority" },
  { key: "title", label: "Action" },
  { key: "status", label: "Status" },
  { key: "rag", label: "RAG" },
  { key: "owner", label: "Owner" },
  { key: "due", label: "Due" },
];

function SortHeader({ column, query }: { column: (typeof COLUMNS)[number]; query: PlanQuery }) {
  const active = query.sort === column.key;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  const params = new URLSearchParams({ show: query.show, theme: query.theme, finding: query.finding, sort: column.key, dir });
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link to={`?${params}`} preventScrollReset>
        {column.label}
        <span className="visually-hidden">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
        <span aria-hidden="true">{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}</span>
      </Link>
    </th>
  );
}

/**
 * The rows: the server sends the HTML it rendered once for these rows (planRows.server); the browser,
 * hydrating, keeps exactly that HTML (read back from the page), then renders the rows itself.
 */
function PlanBody(props: PlanRowsProps) {
  const hydrated = useHydrated();
  const html = typeof document === "undefined" ? planRowsHtml(props) : hydrated ? undefined : document.getElementById(PLAN_ROWS_ID)?.innerHTML;
  return html === undefined ? (
    <tbody key="rows" id={PLAN_ROWS_ID}>
      <PlanRows {...props} />
    </tbody>
  ) : (
    <tbody key="html" id={PLAN_ROWS_ID} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** The plan as a table with a bulk-change form: tick actions, choose a change, apply it for everyone live. */
export function PlanTable({
  rows,
  query,
  statuses,
  workspaceId,
  canEdit,
  owners = [],
  staleAfterDays,
}: {
  rows: PlanRow[];
  query: PlanQuery;
  statuses: StatusSetting[];
  workspaceId: string;
  canEdit: boolean;
  staleAfterDays: number;
  /** The council's members, suggested as owners. */
  owners?: readonly OwnerChoice[];
}) {
  return (
    <Form method="post" className="plan-form">
      <div className="table-scroll" role="region" aria-label="Actions in this plan" tabIndex={0}>
        <table className="table plan-table">
          <thead>
            <tr>
              {canEdit ? (
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
              ) : null}
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} column={c} query={query} />
              ))}
              <th scope="col">Done</th>
              <th scope="col">Answers findings</th>
            </tr>
          </thead>
          <PlanBody rows={rows} workspaceId={workspaceId} canEdit={canEdit} staleAfterDays={staleAfterDays} />
        </table>
      </div>
      {canEdit && rows.length > 0 ? (
        <fieldset className="bulk">
          <legend>Change the selected actions</legend>
          <input type="hidden" name="intent" value="bulk" />
          <div className="field">
            <label htmlFor="bulk-status">Status</label>
            <select id="bulk-status" name="status" defaultValue="">
              <option value="">Keep as it is</option>
              {statuses.map((s) => (
                <option key={s.status} value={s.status}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bulk-owner">Owner</label>
            <input id="bulk-owner" name="owner" placeholder="Keep as it is" autoComplete="off" list={owners.length ? "bulk-owner-choices" : undefined} />
            {owners.length ? (
              <datalist id="bulk-owner-choices">
                {owners.map((o) => (
                  <option key={o.id} value={o.name} />
                ))}
              </datalist>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="bulk-due">Due date</label>
            <input id="bulk-due" name="due" type="date" />
          </div>
          <button type="submit" className="button">
            Apply to selected actions
          </button>
        </fieldset>
      ) : null}
    </Form>
  );
}
