import { answersText, englandText, intervalText, percentText, pointsText } from "./format";
import type { FindingView } from "~/services/evidencePage.server";

/** The numbers behind a section's charts, as a table (the charts' full text alternative). */
export function FindingsTable({ findings, caption }: { findings: FindingView[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="table table--numbers">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answers</th>
            <th scope="col">Here</th>
            <th scope="col">95% interval</th>
            <th scope="col">England</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.questionText}</th>
              <td>{answersText(f.n)}</td>
              <td>{percentText(f.percent)}</td>
              <td>{intervalText(f.ciLow, f.ciHigh)}</td>
              <td>{englandText(f)}</td>
              <td>{pointsText(f.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
