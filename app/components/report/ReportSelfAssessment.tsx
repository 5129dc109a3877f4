// The Making it Real self-assessment in the board paper: the ratings as a chart with its figures, each statement's
// rating by theme with how it moved since the earlier year (printable page and easy-read page).
import { mirThemes } from "~/domain/mir";
import { comparisonSentence, MIR_RATING_EASY, MIR_RATING_LABELS, MIR_RATINGS, MOVEMENT_LABELS } from "~/domain/workspace";
import type { ComparedAssessment } from "~/services/selfAssessment.server";
import { ReportChart } from "./ReportChart";

export function ReportSelfAssessment({ assessment }: { assessment: ComparedAssessment }) {
  const rated = assessment.rows.filter((r) => r.rating);
  const chart = {
    id: "self-assessment",
    title: `Making it Real statements by rating (${assessment.year})`,
    rows: MIR_RATINGS.map((r) => ({ label: MIR_RATING_LABELS[r], count: rated.filter((row) => row.rating === r).length })),
  };
  return (
    <section className="report-section report-self-assessment" aria-labelledby="self-assessment-heading">
      <h2 id="self-assessment-heading">{`Making it Real self-assessment ${assessment.year}`}</h2>
      <p>{`${rated.length} of ${assessment.rows.length} statements rated by the workshop. ${comparisonSentence(assessment)}`}</p>
      <div className="report-charts">
        <ReportChart chart={chart} />
      </div>
      {mirThemes.map((theme) => {
        const rows = rated.filter((r) => r.theme === theme.title);
        if (!rows.length) return null;
        return (
          <div key={theme.id} className="report-self-assessment-theme">
            <h3>{theme.title}</h3>
            <ul>
              {rows.map((r) => (
                <li key={r.statementId} data-statement={r.statementId}>
                  {`${r.text} `}
                  <strong>{MIR_RATING_LABELS[r.rating!]}</strong>
                  {r.decidedBy === "consensus" ? " (agreed)" : " (most common rating)"}
                  {assessment.earlier ? ` · ${r.movement ? `${MOVEMENT_LABELS[r.movement]} (${assessment.earlier.year}: ${MIR_RATING_LABELS[r.earlier!]})` : `Not rated in ${assessment.earlier.year}`}` : ""}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** The easy-read lines: one sentence per statement, in plain words. */
export function easyReadSelfAssessment(a: ComparedAssessment): string[] {
  return a.rows.flatMap((r) => {
    if (!r.rating) return [];
    const change = r.movement === "up" ? " This is better than last time." : r.movement === "down" ? " This is worse than last time." : r.movement === "same" ? " This is the same as last time." : "";
    return [`${r.text} ${MIR_RATING_EASY[r.rating]}.${change}`];
  });
}
