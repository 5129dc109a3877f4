import { Form } from "@remix-run/react";
import { dateInEngland } from "~/domain/tracking/today";

export type RoundOption = { id: string; name: string; date: string };
export type RoundComparison = { starts: RoundOption[]; ends: RoundOption[]; from: string | null; to: string | null };

const label = (r: RoundOption) => `${r.name} (${dateInEngland(r.date)})`;

/** A GET form choosing which two rounds "did it work?" compares; shown only when there is a choice to make. */
export function RoundComparePicker({ comparison }: { comparison: RoundComparison }) {
  if (comparison.ends.length === 0 || comparison.starts.length + comparison.ends.length < 3) return null;
  return (
    <Form method="get" className="round-compare" aria-labelledby="round-compare-heading">
      <h3 id="round-compare-heading">Rounds compared</h3>
      <p className="hint">Rounds are in the order their fieldwork happened (import date when no fieldwork dates were given).</p>
      <label htmlFor="compare-from">From</label>
      <select id="compare-from" name="from" defaultValue={comparison.from ?? undefined}>
        {comparison.starts.map((r) => (
          <option key={r.id} value={r.id}>
            {label(r)}
          </option>
        ))}
      </select>
      <label htmlFor="compare-to">To</label>
      <select id="compare-to" name="to" defaultValue={comparison.to ?? undefined}>
        {comparison.ends.map((r) => (
          <option key={r.id} value={r.id}>
            {label(r)}
          </option>
        ))}
      </select>
      <button type="submit">Compare these rounds</button>
    </Form>
  );
}
