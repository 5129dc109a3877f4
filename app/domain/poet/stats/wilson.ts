import { Z95 } from "./normal";

export type Interval = { low: number; high: number };

/** Wilson score 95% interval for x positives out of n, as proportions; null when n is 0. */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (n <= 0) return null;
  if (x < 0 || x > n) throw new RangeError(`wilsonInterval: ${x} positives out of ${n} is impossible`);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp away floating-point dust so 0/n gives exactly 0 and n/n exactly 1.
  return { low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half) };
}
