// A bar chart drawn as SVG for print, with its figures also in a table (screen readers and anyone who reads
// numbers rather than bars get the same facts).
import type { ReportChart as Chart } from "~/services/boardReport.server";

const BAR_AREA = 300;
const ROW = 26;
const LABEL_WIDTH = 260;

export function ReportChart({ chart }: { chart: Chart }) {
  const max = Math.max(1, ...chart.rows.map((r) => r.count));
  const total = chart.rows.reduce((sum, r) => sum + r.count, 0);
  const height = chart.rows.length * ROW + 8;
  const titleId = `chart-${chart.id}-title`;
  const summary = chart.rows.map((r) => `${r.label}: ${r.count}`).join("; ");
  return (
    <figure className="report-chart" aria-labelledby={`${titleId}-caption`}>
      <figcaption id={`${titleId}-caption`}>
        <h3>{chart.title}</h3>
      </figcaption>
      <svg role="img" aria-labelledby={titleId} viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + 40} ${height}`} className="report-chart-svg">
        <title id={titleId}>{`${chart.title}. ${summary}.`}</title>
        {chart.rows.map((r, i) => {
          const y = i * ROW + 4;
          const width = (r.count / max) * BAR_AREA;
          return (
            <g key={r.label} aria-hidden="true">
              <text x={LABEL_WIDTH - 6} y={y + ROW / 2 + 1} textAnchor="end" dominantBaseline="middle" className="chart-label">
                {r.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 3} width={Math.max(width, r.count > 0 ? 2 : 0)} height={ROW - 8} className={`chart-bar chart-bar-${chart.id}`} />
              <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2 + 1} dominantBaseline="middle" className="chart-value">
                {r.count}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="table report-chart-table">
        <caption className="visually-hidden">{`${chart.title}: the figures`}</caption>
        <thead>
          <tr>
            <th scope="col">{chart.id === "theme" ? "Theme" : chart.id === "rag" ? "RAG rating" : chart.id === "status" ? "Status" : "Due date"}</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{chart.id === "theme" ? "Actions linked to each theme (an action can have several)" : "Total"}</th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
    </figure>
  );
}
