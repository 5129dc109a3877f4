import { twoSidedP } from "./normal";

export type Comparison = { z: number; p: number };

/**
 * Two-proportion z-test (pooled) of x/n here against a national proportion from nationalN people;
 * two-sided. When both pooled proportions are 0 or 1 the groups cannot differ: z = 0, p = 1.
 */
export function twoProportionTest(x: number, n: number, nationalProportion: number, nationalN: number): Comparison {
  const pooled = (x + nationalProportion * nationalN) / (n + nationalN);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / nationalN));
  return fromDifference(x / n - nationalProportion, se);
}

/**
 * One-sample score test of x/n against a fixed national proportion p0 (its size unknown):
 * z = (x/n − p0) / √(p0(1 − p0)/n), two-sided.
 */
export function oneSampleScoreTest(x: number, n: number, p0: number): Comparison {
  const se = Math.sqrt((p0 * (1 - p0)) / n);
  return fromDifference(x / n - p0, se);
}

function fromDifference(difference: number, se: number): Comparison {
  if (se === 0) {
    // A national figure of exactly 0% or 100%: any local difference at all is certain.
    return difference === 0 ? { z: 0, p: 1 } : { z: Math.sign(difference) * Infinity, p: 0 };
  }
  const z = difference / se;
  return { z, p: twoSidedP(z) };
}
