/**
 * Complementary error function for x ≥ 0 (Chebyshev fit, Numerical Recipes `erfcc`):
 * relative error below 1.2e-7, so erfc(x) ≤ 1 is good to 1.2e-7 absolute.
 */
function erfcNonNegative(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
      t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/** Complementary error function, accurate to about 1e-7 everywhere. */
export function erfc(x: number): number {
  return x >= 0 ? erfcNonNegative(x) : 2 - erfcNonNegative(-x);
}

/** Standard normal cumulative probability Φ(z), absolute error below 1e-7. */
export function normalCdf(z: number): number {
  // Always evaluate erfc at a non-negative argument so its relative accuracy carries over.
  const tail = 0.5 * erfcNonNegative(Math.abs(z) / Math.SQRT2);
  return z >= 0 ? 1 - tail : tail;
}

/** Two-sided p-value for a z statistic: the chance of a value at least this far from 0 either way. */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  return Math.min(1, erfcNonNegative(Math.abs(z) / Math.SQRT2));
}

/** z for a 95% two-sided interval. */
export const Z95 = 1.959963984540054;
