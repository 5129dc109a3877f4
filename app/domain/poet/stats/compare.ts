import { binomialMidP, fisherMidP } from "./exact";
import { twoSidedP } from "./normal";

/** How a figure was tested: normal-approximation score test or exact mid-p. `z` is the score statistic either way. */
export type Comparison = { z: number; p: number; method: TestMethod };
export type TestMethod = "score" | "two-proportion" | "exact-mid-p" | "fisher-mid-p";

/** Below this many expected positives (or negatives) the normal approximation is not trusted. */
export const EXACT_BELOW_EXPECTED = 5;

/**
 * Two-proportion z-test (pooled) of x/n here against a national proportion from nationalN people;
 * two-sided. When both pooled proportions are 0 or 1 the groups cannot differ: z = 0, p = 1.
 */
export function twoProportionTest(x: number, n: number, nationalProportion: number, nationalN: number): Comparison {
  const pooled = (x + nationalProportion * nationalN) / (n + nationalN);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / nationalN));
  return fromDifference(x / n - nationalProportion, se, "two-proportion");
}

/**
 * One-sample score test of x/n against a fixed national proportion p0 (its size unknown):
 * z = (x/n − p0) / √(p0(1 − p0)/n), two-sided.
 */
export function oneSampleScoreTest(x: number, n: number, p0: number): Comparison {
  const se = Math.sqrt((p0 * (1 - p0)) / n);
  return fromDifference(x / n - p0, se, "score");
}

/**
 * Compares x of n here with a national proportion p0 (from nationalN people when known), choosing the
 * test: the normal tests above while at least 5 good and 5 not-good answers are expected here, else an
 * exact mid-p test (binomial against a fixed p0, Fisher's conditional test against a national sample).
 * Null when p0 is 0 or 1 and nationalN is unknown: against an exact 0% or 100% any single answer would be
 * "certain", which is never what a published rounded figure means.
 */
export function compareWithNational(x: number, n: number, p0: number, nationalN: number | null): Comparison | null {
  if (nationalN === null) {
    if (p0 <= 0 || p0 >= 1) return null;
    const score = oneSampleScoreTest(x, n, p0);
    if (n * p0 >= EXACT_BELOW_EXPECTED && n * (1 - p0) >= EXACT_BELOW_EXPECTED) return score;
    return { z: score.z, p: binomialMidP(x, n, p0), method: "exact-mid-p" };
  }
  const pooledTest = twoProportionTest(x, n, p0, nationalN);
  const pooled = (x + p0 * nationalN) / (n + nationalN);
  if (n * pooled >= EXACT_BELOW_EXPECTED && n * (1 - pooled) >= EXACT_BELOW_EXPECTED) return pooledTest;
  const nationalPositive = Math.round(p0 * nationalN);
  return { z: pooledTest.z, p: fisherMidP({ a: x, b: n - x, c: nationalPositive, d: nationalN - nationalPositive }), method: "fisher-mid-p" };
}

function fromDifference(difference: number, se: number, method: TestMethod): Comparison {
  if (se === 0) {
    // A national figure of exactly 0% or 100%: any local difference at all is certain.
    return difference === 0 ? { z: 0, p: 1, method } : { z: Math.sign(difference) * Infinity, p: 0, method };
  }
  const z = difference / se;
  return { z, p: twoSidedP(z), method };
}
