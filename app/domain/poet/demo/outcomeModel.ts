/** The process flags a synthetic person draws; each outcome depends on them through a logistic model. */
export type ProcessFlags = { easy: boolean; views: boolean; knew: boolean; help: boolean };

/** Odds ratios of a good outcome in the synthetic demo, after DOMAIN.md's 2014 national findings. */
export const DEMO_ODDS_RATIOS = { easy: 2.8, views: 1.9, carerViews: 4, knew: 1.3, help: 1.3 } as const;

/** How often each flag is true in the demo council (views and help from the national marginals). */
export type FlagRates = Record<keyof ProcessFlags, number>;

const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Log-odds of a good outcome for a person with these flags, given the item's intercept. */
export function outcomeLogOdds(intercept: number, flags: ProcessFlags, viewsOddsRatio: number): number {
  return (
    intercept +
    (flags.easy ? Math.log(DEMO_ODDS_RATIOS.easy) : 0) +
    (flags.views ? Math.log(viewsOddsRatio) : 0) +
    (flags.knew ? Math.log(DEMO_ODDS_RATIOS.knew) : 0) +
    (flags.help ? Math.log(DEMO_ODDS_RATIOS.help) : 0)
  );
}

/** The intercept that makes the expected share of good outcomes equal `target` (0–1), found by bisection. */
export function tuneIntercept(target: number, rates: FlagRates, viewsOddsRatio: number): number {
  const combos: { flags: ProcessFlags; weight: number }[] = [];
  for (let bits = 0; bits < 16; bits++) {
    const flags = { easy: !!(bits & 1), views: !!(bits & 2), knew: !!(bits & 4), help: !!(bits & 8) };
    const weight = (Object.keys(flags) as (keyof ProcessFlags)[]).reduce((w, k) => w * (flags[k] ? rates[k] : 1 - rates[k]), 1);
    combos.push({ flags, weight });
  }
  const expected = (alpha: number) => combos.reduce((sum, c) => sum + c.weight * expit(outcomeLogOdds(alpha, c.flags, viewsOddsRatio)), 0);
  let low = -15;
  let high = 15;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (expected(mid) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** True with probability expit(logOdds). */
export function drawOutcome(random: () => number, logOdds: number): boolean {
  return random() < expit(logOdds);
}
