// A finding's figure round by round: each round's figure as a dot on its 95% interval, joined oldest to
// newest, on a 0–100% scale; with a table of the same figures for anyone who cannot read the drawing.
// Server-rendered SVG that scales to its box, so it reflows at 320 px.
import { useId } from "react";
import { intervalText, percentText } from "./format";

export type RunChartPoint = { roundId: string; round: string; date: string; percent: number | null; ciLow: number | null; ciHigh: number | null; n: number | null };

const WIDTH = 560;
const HEIGHT = 200;
const M = { left: 44, right: 16, top: 12, bottom: 28 };
const LOCAL = "#004f6e";

/** What a sighted reader takes from the chart, in words. */
export function runChartDescription(subject: string, points: readonly RunChartPoint[]): string {
  const shown = points.filter((p) => p.percent !== null);
  if (shown.length === 0) return `${subject}: no round has a figure to show.`;
  const list = shown.map((p) => `${percentText(p.percent)} in ${p.round} (95% interval ${intervalText(p.ciLow, p.ciHigh)})`).join(", ");
  return `${subject}, round by round: ${list}.`;
}

export function RunChart({ subject, points, headingLevel = 3 }: { subject: string; points: readonly RunChartPoint[]; headingLevel?: 2 | 3 }) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => M.top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH;
  const labelStep = Math.ceil(points.length / 8);
  const shown = points.map((p, i) => ({ ...p, i })).filter((p) => p.percent !== null);
  return (
    <figure className="run-chart">
      <Heading className="run-chart__heading">{`${subject}: every round`}</Heading>
      <svg className="run-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} focusable="false">
        <title id={titleId}>{`Run chart: ${subject}`}</title>
        <desc id={descId}>{runChartDescription(subject, points)}</desc>
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} stroke="#c9ced6" strokeWidth={1} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill="#2b3038">{`${t}%`}</text>
          </g>
        ))}
        {shown.length > 1 ? <polyline points={shown.map((p) => `${x(p.i)},${y(p.percent!)}`).join(" ")} fill="none" stroke={LOCAL} strokeWidth={2} /> : null}
        {shown.map((p) => (
          <g key={p.roundId}>
            {p.ciLow !== null && p.ciHigh !== null ? (
              <>
                <line x1={x(p.i)} x2={x(p.i)} y1={y(p.ciLow)} y2={y(p.ciHigh)} stroke={LOCAL} strokeWidth={3} />
                <line x1={x(p.i) - 6} x2={x(p.i) + 6} y1={y(p.ciLow)} y2={y(p.ciLow)} stroke={LOCAL} strokeWidth={2} />
                <line x1={x(p.i) - 6} x2={x(p.i) + 6} y1={y(p.ciHigh)} y2={y(p.ciHigh)} stroke={LOCAL} strokeWidth={2} />
              </>
            ) : null}
            <circle cx={x(p.i)} cy={y(p.percent!)} r={6} fill={LOCAL} stroke="#ffffff" strokeWidth={1.5} />
          </g>
        ))}
        {/* At most eight date labels, the newest always among them, so they never run into one another. */}
        {points.map((p, i) => ((points.length - 1 - i) % labelStep !== 0 ? null : (
          <text key={p.roundId} x={x(i)} y={HEIGHT - 8} textAnchor={points.length > 1 && i === 0 ? "start" : points.length > 1 && i === points.length - 1 ? "end" : "middle"} fontSize={12} fill="#2b3038">
            {p.date.slice(0, 7)}
          </text>
        )))}
      </svg>
      <figcaption className="hint">Each dot is the round's figure; the bar through it is its 95% interval (where the true figure probably lies).</figcaption>
      <table className="table run-chart__table">
        <caption>{`${subject}: figures by round`}</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Date</th>
            <th scope="col">Percent</th>
            <th scope="col">95% interval</th>
            <th scope="col">Answered (n)</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.roundId}>
              <th scope="row">{p.round}</th>
              <td data-label="Date">{p.date}</td>
              <td data-label="Percent">{p.percent === null ? "Not shown" : percentText(p.percent)}</td>
              <td data-label="95% interval">{intervalText(p.ciLow, p.ciHigh)}</td>
              <td data-label="Answered (n)">{p.n === null ? "–" : String(p.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {points.some((p) => p.percent === null) ? <p className="hint">“Not shown”: the round did not ask this, or too few people answered to show a figure safely.</p> : null}
    </figure>
  );
}
