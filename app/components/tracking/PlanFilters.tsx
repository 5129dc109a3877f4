import { Form } from "@remix-run/react";
import { mirThemes } from "~/domain/mir";
import type { PlanQuery } from "~/domain/tracking/filters";

const SHOW_LABELS = { all: "All actions", priorities: "The plan's priorities", overdue: "Overdue", "due-30": "Due in the next 30 days", mine: "Mine", unowned: "No owner yet" } as const;

/** The plan's filters as a GET form: they work without JavaScript and give each view its own URL. */
export function PlanFilters({ query, findings }: { query: PlanQuery; findings: { id: string; label: string }[] }) {
  return (
    <Form method="get" className="filters" aria-label="Filter the plan">
      <div className="field">
        <label htmlFor="show">Show</label>
        <select id="show" name="show" defaultValue={query.show}>
          {Object.entries(SHOW_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="theme">Making it Real theme</label>
        <select id="theme" name="theme" defaultValue={query.theme}>
          <option value="">Any theme</option>
          {mirThemes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="finding">Finding</label>
        <select id="finding" name="finding" defaultValue={query.finding}>
          <option value="">Any finding</option>
          {findings.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <button type="submit" className="button button--secondary">
        Show these actions
      </button>
    </Form>
  );
}
