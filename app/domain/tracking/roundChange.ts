// "Did it work?": the change in one finding between the round a plan started from and a later round,
// tested as two independent samples (pooled two-proportion z-test, two-sided, 5% level).
import { twoProportionTest } from "~/domain/poet/stats/compare";
import { MIN_ANSWERS } from "~/domain/poet/stats/classify";

export type RoundFigure = { positive: number; n: number };

export type RoundChange = {
  before: { percent: number; n: number };
  after: { percent: number; n: number };
  /** Percentage points, after minus before. */
  difference: number;
  p: number | null;
  verdict: "significant-rise" | "significant-fall" | "no-clear-change" | "too-few";
  sentence: string;
};

export const CHANGE_SIGNIFICANCE = 0.05;

const pct = (x: number) => `${Math.round(x)}%`;

/** Compares one finding across two rounds and says in plain words whether it really moved. */
export function compareRounds(label: string, before: RoundFigure, after: RoundFigure): RoundChange {
  const beforePercent = before.n > 0 ? (100 * before.positive) / before.n : 0;
  const afterPercent = after.n > 0 ? (100 * after.positive) / after.n : 0;
  const base = { before: { percent: beforePercent, n: before.n }, after: { percent: afterPercent, n: after.n }, difference: afterPercent - beforePercent };
  if (before.n < MIN_ANSWERS || after.n < MIN_ANSWERS) {
    return { ...base, p: null, verdict: "too-few", sentence: `${label}: ${pct(beforePercent)} → ${pct(afterPercent)}, too few answers to say whether it changed.` };
  }
  const { p } = twoProportionTest(after.positive, after.n, before.positive / before.n, before.n);
  const significant = p < CHANGE_SIGNIFICANCE && base.difference !== 0;
  const verdict = !significant ? "no-clear-change" : base.difference > 0 ? "significant-rise" : "significant-fall";
  const words =
    verdict === "significant-rise" ? "a significant rise" : verdict === "significant-fall" ? "a significant fall" : "no clear change (the difference could be chance)";
  return { ...base, p, verdict, sentence: `${label}: ${pct(beforePercent)} → ${pct(afterPercent)}, ${words}.` };
}

/** A finding's figure in one round. */
export type RoundPoint = { round: string; percent: number; n: number };

/** "Round by round: 48% in POET 2025, 55% in POET 2026, 61% in POET 2027." (only when there are rounds in between). */
export function roundByRound(change: { rounds: readonly RoundPoint[] }): string | null {
  if (change.rounds.length < 3) return null;
  return `Round by round: ${change.rounds.map((p) => `${Math.round(p.percent)}% in ${p.round}`).join(", ")}.`;
}
