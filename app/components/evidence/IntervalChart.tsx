// One finding drawn on a 0–100% scale: the local figure as a dot on its 95% interval bar, England as a
// hollow diamond (a different shape, not only a different colour). Server-rendered SVG, no measuring.
// Plain SVG elements, coordinates to a tenth of a unit: a round page draws one per finding and is rendered
// again after every new answer, so each chart is kept small (what visx drew, in a little over half the markup).
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

const TICKS = [0, 25, 50, 75, 100];
const AXIS = "#4a5260";

/** A coordinate to a tenth of a unit (the drawing is at most a few hundred units wide). */
const tenth = (v: number) => Math.round(v * 10) / 10;

/** A straight line, drawn crisp (no anti-aliased half pixels). */
function Rule({ x1, y1, x2, y2, stroke, width, ...rest }: { x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: string; cap?: "butt" | "square" }) {
  return (
    <line x1={tenth(x1)} y1={tenth(y1)} x2={tenth(x2)} y2={tenth(y2)} stroke={stroke} strokeWidth={width} strokeDasharray={rest.dash} strokeLinecap={rest.cap} shapeRendering="crispEdges" />
  );
}

/** `width` is the drawing's own width in SVG units: it scales to its box, so match it to the box for even text. */
export function IntervalChart({ subject, figures, width = 320 }: { subject: string; figures: ChartFigures; width?: number }) {
  const range = width - MARGIN.left - MARGIN.right;
  const x = (value: number) => (Math.min(100, Math.max(0, value)) / 100) * range;
  const { percent, ciLow, ciHigh, national, nationalLow, nationalHigh } = figures;
  const band = nationalLow !== null && nationalLow !== undefined && nationalHigh !== null && nationalHigh !== undefined;
  return (
    <svg className="interval-chart" viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={chartDescription(subject, figures)} focusable="false">
      <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
        {TICKS.map((tick) => (
          <Rule key={tick} x1={x(tick)} y1={0} x2={x(tick)} y2={ROW_Y * 2} stroke="#c9ced6" width={1} />
        ))}
        {ciLow !== null && ciHigh !== null ? (
          <>
            <Rule x1={x(ciLow)} y1={ROW_Y} x2={x(ciHigh)} y2={ROW_Y} stroke={LOCAL} width={4} cap="butt" />
            <Rule x1={x(ciLow)} y1={ROW_Y - 7} x2={x(ciLow)} y2={ROW_Y + 7} stroke={LOCAL} width={2} />
            <Rule x1={x(ciHigh)} y1={ROW_Y - 7} x2={x(ciHigh)} y2={ROW_Y + 7} stroke={LOCAL} width={2} />
          </>
        ) : null}
        {percent !== null ? <circle cx={tenth(x(percent))} cy={ROW_Y} r={6} fill={LOCAL} stroke="#ffffff" strokeWidth={1.5} /> : null}
        {band ? <EnglandBand x1={x(nationalLow)} x2={x(nationalHigh)} y={ROW_Y + 10} /> : null}
        {national !== null && !band ? <EnglandMark cx={tenth(x(national))} cy={ROW_Y} /> : null}
        <g transform={`translate(0, ${ROW_Y * 2})`} fontSize={12} fill="#1b1f24" textAnchor="middle">
          {TICKS.map((tick) => (
            <g key={tick}>
              <Rule x1={x(tick)} y1={0} x2={x(tick)} y2={4} stroke={AXIS} width={1} cap="square" />
              <text x={tenth(x(tick))} y={19}>{`${tick}%`}</text>
            </g>
          ))}
          <Rule x1={0.5} y1={0} x2={range + 0.5} y2={0} stroke={AXIS} width={1} />
        </g>
      </g>
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
      <Rule x1={x1} y1={y} x2={x2} y2={y} stroke={ENGLAND} width={3} dash="6 3" />
      <Rule x1={x1} y1={y - 5} x2={x1} y2={y + 5} stroke={ENGLAND} width={2.5} />
      <Rule x1={x2} y1={y - 5} x2={x2} y2={y + 5} stroke={ENGLAND} width={2.5} />
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
