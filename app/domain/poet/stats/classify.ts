/** How a local figure stands against England. */
export type Classification = "strength" | "weakness" | "in-line" | "too-few" | "no-benchmark";

/** Fewer answers than this: too few to say. */
export const MIN_ANSWERS = 10;
/** The smallest difference, in percentage points, worth calling a strength or weakness. */
export const MIN_DIFFERENCE_POINTS = 5;
/** The false discovery rate for strengths and weaknesses. */
export const FALSE_DISCOVERY_RATE = 0.05;

/** Strength or weakness when at least 5 points apart and significant at q < 0.05; under 10 answers, too few to say. */
export function classify(input: { n: number; differencePoints: number | null; q: number | null }): Classification {
  if (input.n < MIN_ANSWERS) return "too-few";
  if (input.differencePoints === null || input.q === null) return "no-benchmark";
  if (input.q < FALSE_DISCOVERY_RATE && Math.abs(input.differencePoints) >= MIN_DIFFERENCE_POINTS - 1e-9) {
    return input.differencePoints > 0 ? "strength" : "weakness";
  }
  return "in-line";
}

export const classificationTitles: Readonly<Record<Classification, string>> = {
  strength: "Strength",
  weakness: "Weakness",
  "in-line": "In line with England",
  "too-few": "Too few to say",
  "no-benchmark": "No national figure",
};
