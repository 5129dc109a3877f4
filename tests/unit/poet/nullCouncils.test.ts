import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { generateNullCouncil, simulateNullCouncils } from "~/domain/poet/demo/nullCouncil";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";

// The full run (1,000 rounds) is `npm run bench method`; this is a smaller seeded run of the same code,
// of 200 rounds (issue 19 asks for at least 200 null councils).
describe("councils where nothing differs from England", { timeout: 300_000 }, () => {
  it("are built from 800 people in all 16 groups answering at England's rates", () => {
    const people = generateNullCouncil(adult2014, approximateNationalAdult2014, { seed: 7, respondents: 800 });
    expect(people).toHaveLength(800);
    const holders = people.filter((p) => p.survey === "holder");
    const safe = holders.filter((p) => p.answers.O_SAFE !== undefined);
    const better = safe.filter((p) => p.answers.O_SAFE === "better" || p.answers.O_SAFE === "a lot better");
    // England's band for feeling safe starts at two thirds: a null council answers at that edge.
    expect(better.length / safe.length).toBeGreaterThan(0.6);
    expect(better.length / safe.length).toBeLessThan(0.73);
  });

  it("show a false strength or weakness on at most 5% of round pages, and claim at most 5% of links", () => {
    const s = simulateNullCouncils(adult2014, approximateNationalAdult2014, { rounds: 200, respondents: 800, seed: 11 });
    console.log(
      `null councils (${s.rounds} rounds): page with a false finding ${s.roundsWithFalseFinding}/${s.rounds}` +
        ` (old per-group rule ${s.roundsWithFalseFindingPerGroup}/${s.rounds}); links claimed ${s.claimedLinks}/${s.testedLinks},` +
        ` rounds with a claimed link ${s.roundsWithClaimedLink}/${s.rounds}`,
    );
    expect(s.groupsPerRound).toBe(16);
    expect(s.roundsWithFalseFinding / s.rounds).toBeLessThanOrEqual(0.05);
    expect(s.claimedLinks / s.testedLinks).toBeLessThanOrEqual(0.05);
    // The rule this replaced, run on the same rounds, shows what the test guards against.
    expect(s.roundsWithFalseFindingPerGroup / s.rounds).toBeGreaterThan(0.2);
  });
});
