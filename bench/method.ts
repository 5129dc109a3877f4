// `npm run bench method`: the error rates of the findings method on councils where nothing differs from
// England (docs/method.md §4, ADR 013). Seeded: the same command always prints the same figures.
import { adult2014 } from "~/domain/poet/adult2014";
import { simulateNullCouncils } from "~/domain/poet/demo/nullCouncil";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { wilsonInterval } from "~/domain/poet/stats/wilson";

const ROUNDS = 1000;
const RESPONDENTS = 800;
const SEED = 2026;

const share = (x: number, n: number) => {
  const ci = wilsonInterval(x, n);
  const pct = (v: number) => `${(100 * v).toFixed(v < 0.01 ? 3 : 1)}%`;
  return `${x} of ${n} = ${pct(x / n)} (95% interval ${pct(ci?.low ?? 0)} to ${pct(ci?.high ?? 0)})`;
};

/** Prints how often a null council's round page shows a false strength, weakness or link. */
export async function run(): Promise<void> {
  const s = simulateNullCouncils(adult2014, approximateNationalAdult2014, { rounds: ROUNDS, respondents: RESPONDENTS, seed: SEED });
  console.log(`Null councils: ${s.rounds} rounds of ${s.respondents} people answering at England's rates, ${s.groupsPerRound} groups a round (seed ${SEED})`);
  console.log(`  rounds whose page shows >= 1 false strength or weakness: ${share(s.roundsWithFalseFinding, s.rounds)}   target <= 5%`);
  console.log(`    false strengths and weaknesses a round: ${(s.falseFindings / s.rounds).toFixed(3)} (of ${(s.testedFindings / s.rounds).toFixed(0)} tested)`);
  console.log(`    the old rule (Benjamini-Hochberg inside each group): ${share(s.roundsWithFalseFindingPerGroup, s.rounds)}`);
  console.log(`  links claimed: ${share(s.claimedLinks, s.testedLinks)}   target <= 5%`);
  console.log(`    rounds with >= 1 claimed link: ${share(s.roundsWithClaimedLink, s.rounds)}`);
  console.log(`    the old rule (interval leaves out 1, no adjustment): ${share(s.linksOutside1, s.testedLinks)} of links`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
