import { Form } from "@remix-run/react";
import type { GroupSummary } from "~/domain/poet";

/** A plain GET form (works without JavaScript) choosing which group's findings to show. */
export function GroupFilter({ groups, current, easy }: { groups: GroupSummary[]; current: string; easy: boolean }) {
  return (
    <Form method="get" className="inline-form group-filter" preventScrollReset>
      <label htmlFor="group-filter">Show results for</label>
      <select id="group-filter" name="group" defaultValue={current} key={current}>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.label}
            {g.people !== null ? ` (${g.people.toLocaleString("en-GB")})` : g.fewerThan ? ` (fewer than ${g.fewerThan})` : ""}
          </option>
        ))}
      </select>
      {easy ? <input type="hidden" name="view" value="easy" /> : null}
      <button type="submit" className="button button--secondary">
        Show
      </button>
    </Form>
  );
}
