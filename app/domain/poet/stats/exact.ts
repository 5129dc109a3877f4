/**
 * Exact tests for counts, reported as two-sided mid-p values: the one-sided mid-p (the chance of a result
 * more extreme than the one seen, plus half the chance of exactly this one) taken on the side the data
 * fell, doubled, capped at 1. Mid-p rather than the plain exact p because the plain one is conservative for
 * small counts (it hides real differences); doubling the side the data fell on is the usual two-sided
 * convention for it (Lancaster 1961; Agresti, Categorical Data Analysis, 2013).
 */

const logFactorials: number[] = [0];

/** ln(k!), cached, exact sums of logs (counts here are at most a few hundred thousand). */
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
  return logFactorials[k];
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Two-sided mid-p from a distribution's probabilities (index = count) and the observed count. */
function doubledMidP(probabilities: readonly number[], observed: number): number {
  let below = 0;
  let above = 0;
  probabilities.forEach((probability, k) => {
    if (k < observed) below += probability;
    else if (k > observed) above += probability;
  });
  const half = probabilities[observed] / 2;
  return Math.min(1, 2 * Math.min(below + half, above + half));
}

/** Exact binomial mid-p of x positives out of n against a fixed proportion p0 (0 < p0 < 1). */
export function binomialMidP(x: number, n: number, p0: number): number {
  if (!(p0 > 0 && p0 < 1)) throw new RangeError(`binomialMidP: the national proportion must be between 0 and 1 exclusive, not ${p0}`);
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n) throw new RangeError(`binomialMidP: ${x} of ${n} is not a count`);
  const logP = Math.log(p0);
  const logQ = Math.log1p(-p0);
  const probabilities = Array.from({ length: n + 1 }, (_, k) => Math.exp(logChoose(n, k) + k * logP + (n - k) * logQ));
  return doubledMidP(probabilities, x);
}

/**
 * Exact conditional (Fisher) mid-p for a 2×2 table a b / c d: with the row and column totals fixed, `a`
 * follows the hypergeometric distribution when the rows do not differ.
 */
export function fisherMidP(table: { a: number; b: number; c: number; d: number }): number {
  const { a, b, c, d } = table;
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const low = Math.max(0, col1 - row2);
  const high = Math.min(row1, col1);
  const logDenominator = logChoose(n, col1);
  // The same sums as doubledMidP, in the same order, without an array per table: a round page tests
  // every process link of thousands of people each time an answer arrives (docs/decisions/030).
  let below = 0;
  let above = 0;
  let half = 0;
  for (let k = low; k <= high; k++) {
    const probability = Math.exp(logChoose(row1, k) + logChoose(row2, col1 - k) - logDenominator);
    if (k < a) below += probability;
    else if (k > a) above += probability;
    else half = probability / 2;
  }
  return Math.min(1, 2 * Math.min(below + half, above + half));
}
