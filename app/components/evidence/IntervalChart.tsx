// One finding drawn on a 0–100% scale: the local figure as a dot on its 95% interval bar, England as a
// hollow diamond (a different shape, not only a different colour). Server-rendered SVG, no measuring.
import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Line } from "@visx/shape";
import { intervalText, percentText } from "./format";

const HEIGHT = 62;
const MARGIN = { left: 16, right: 20, top: 8, bottom: 24 };
const ROW_Y = 14;
const LOCAL = "#004f6e";
const ENGLAND = "#8a5300";

export type ChartFigures = {
  percent: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  national: number | null;
  nationalText?: string | null;
  nationalLow?: number | null;
  nationalHigh?: number | null;
};

/** The text alternative of a chart: what a sighted reader takes from it. */
export function chartDescription(subject: string, f: ChartFigures): string {
  const here = f.percent === null ? "no answers to show here" : `here ${percentText(f.percent)} (95% interval ${intervalText(f.ciLow, f.ciHigh)})`;
  const england = f.national === null ? "no figure for England" : `England ${f.nationalText ?? percentText(f.national)}`;
  return `${subject}: ${here}; ${england}.`;
}

/** `width` is the drawing's own width in SVG units: it scales to its box, so match it to the box for even text. */
export function IntervalChart({ subject, figures, width = 320 }: { subject: string; figures: ChartFigures; width?: number }) {
  const x = scaleLinear<number>({ domain: [0, 100], range: [0, width - MARGIN.left - MARGIN.right], clamp: true });
  const { percent, ciLow, ciHigh, national, nationalLow, nationalHigh } = figures;
  const band = nationalLow !== null && nationalLow !== undefined && nationalHigh !== null && nationalHigh !== undefined;
  return (
    <svg className="interval-chart" viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={chartDescription(subject, figures)} focusable="false">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {[0, 25, 50, 75, 100].map((tick) => (
          <Line key={tick} from={{ x: x(tick), y: 0 }} to={{ x: x(tick), y: ROW_Y * 2 }} stroke="#c9ced6" strokeWidth={1} />
        ))}
        {ciLow !== null && ciHigh !== null ? (
          <>
            <Line from={{ x: x(ciLow), y: ROW_Y }} to={{ x: x(ciHigh), y: ROW_Y }} stroke={LOCAL} strokeWidth={4} strokeLinecap="butt" />
            <Line from={{ x: x(ciLow), y: ROW_Y - 7 }} to={{ x: x(ciLow), y: ROW_Y + 7 }} stroke={LOCAL} strokeWidth={2} />
            <Line from={{ x: x(ciHigh), y: ROW_Y - 7 }} to={{ x: x(ciHigh), y: ROW_Y + 7 }} stroke={LOCAL} strokeWidth={2} />
          </>
        ) : null}
        {percent !== null ? <circle cx={x(percent)} cy={ROW_Y} r={6} fill={LOCAL} stroke="#ffffff" strokeWidth={1.5} /> : null}
        {band ? <EnglandBand x1={x(nationalLow)} x2={x(nationalHigh)} y={ROW_Y + 10} /> : null}
        {national !== null && !band ? <EnglandMark cx={x(national)} cy={ROW_Y} /> : null}
        <AxisBottom
          top={ROW_Y * 2}
          scale={x}
          tickValues={[0, 25, 50, 75, 100]}
          tickFormat={(v) => `${Number(v)}%`}
          stroke="#4a5260"
          tickStroke="#4a5260"
          tickLength={4}
          tickLabelProps={{ fill: "#1b1f24", fontSize: 12, textAnchor: "middle", fontFamily: "inherit" }}
        />
      </Group>
    </svg>
  );
}

function EnglandMark({ cx, cy, size = 8 }: { cx: number; cy: number; size?: number }) {
  const points = `${cx},${cy - size} ${cx + size},${cy} ${cx},${cy + size} ${cx - size},${cy}`;
  return <polygon points={points} fill="#ffffff" fillOpacity={0.6} stroke={ENGLAND} strokeWidth={2.5} />;
}

/** A published band ("over 80%"): England's figure is somewhere along it, drawn as a dashed bar with end marks. */
function EnglandBand({ x1, x2, y }: { x1: number; x2: number; y: number }) {
  return (
    <g>
      <Line from={{ x: x1, y }} to={{ x: x2, y }} stroke={ENGLAND} strokeWidth={3} strokeDasharray="6 3" />
      <Line from={{ x: x1, y: y - 5 }} to={{ x: x1, y: y + 5 }} stroke={ENGLAND} strokeWidth={2.5} />
      <Line from={{ x: x2, y: y - 5 }} to={{ x: x2, y: y + 5 }} stroke={ENGLAND} strokeWidth={2.5} />
    </g>
  );
}

/** The key shared by every chart on a page (decorative shapes; the words carry the meaning). */
export function ChartKey() {
  return (
    <p className="chart-key">
      <span className="chart-key__item">
        <svg width="44" height="18" aria-hidden="true" focusable="false">
          <line x1="4" y1="9" x2="40" y2="9" stroke={LOCAL} strokeWidth="4" />
          <circle cx="22" cy="9" r="6" fill={LOCAL} stroke="#ffffff" strokeWidth="1.5" />
        </svg>
        This council, with its 95% interval
      </span>
      <span className="chart-key__item">
        <svg width="22" height="18" aria-hidden="true" focusable="false">
          <EnglandMark cx={11} cy={9} size={7} />
        </svg>
        England
      </span>
      <span className="chart-key__item">
        <svg width="44" height="18" aria-hidden="true" focusable="false">
          <EnglandBand x1={4} x2={40} y={9} />
        </svg>
        England, published only as a range
      </span>
    </p>
  );
}
