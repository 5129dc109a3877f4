import { Z95 } from "./normal";

/**
 * A 2×2 table: a = condition met and good outcome, b = condition met and not good,
 * c = condition not met and good outcome, d = condition not met and not good.
 */
export type TwoByTwo = { a: number; b: number; c: number; d: number };

export type OddsRatio = { oddsRatio: number; ciLow: number; ciHigh: number; corrected: boolean };

/** Odds ratio ad/bc with Woolf's 95% interval; adds 0.5 to every cell when any cell is zero. */
export function oddsRatio(table: TwoByTwo, z = Z95): OddsRatio {
  const corrected = table.a === 0 || table.b === 0 || table.c === 0 || table.d === 0;
  const k = corrected ? 0.5 : 0;
  const a = table.a + k;
  const b = table.b + k;
  const c = table.c + k;
  const d = table.d + k;
  const logOr = Math.log((a * d) / (b * c));
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { oddsRatio: Math.exp(logOr), ciLow: Math.exp(logOr - z * se), ciHigh: Math.exp(logOr + z * se), corrected };
}
