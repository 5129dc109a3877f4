/**
 * Benjamini–Hochberg q-values for a family of p-values; null entries stay null and are not counted.
 * q(i) = min over j ≥ i of p(j)·m / j, with p sorted ascending, capped at 1.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry): entry is { p: number; index: number } => entry.p !== null);
  const m = tested.length;
  tested.sort((a, b) => a.p - b.p);
  const q: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = tested[rank - 1];
    running = Math.min(running, (entry.p * m) / rank);
    q[entry.index] = running;
  }
  return q;
}
