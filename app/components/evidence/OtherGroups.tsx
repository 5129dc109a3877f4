import { Link } from "@remix-run/react";
import { classificationTitles, type Classification } from "~/domain/poet";
import { answersText, intervalText, percentText } from "./format";

export type GroupRow = { id: string; href: string; label: string; n: number | null; percent: number | null; ciLow: number | null; ciHigh: number | null; classification: Classification; current: boolean };

/** The same question for every group in the round, each linking to its own finding page. */
export function OtherGroups({ rows }: { rows: GroupRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table table--numbers">
        <caption>The same question for each group</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Answers</th>
            <th scope="col">Here</th>
            <th scope="col">95% interval</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} aria-current={r.current ? "page" : undefined}>
              <th scope="row">{r.current ? <>{r.label} (this page)</> : <Link to={r.href}>{r.label}</Link>}</th>
              <td>{answersText(r.n)}</td>
              <td>{percentText(r.percent)}</td>
              <td>{intervalText(r.ciLow, r.ciHigh)}</td>
              <td>{classificationTitles[r.classification]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
