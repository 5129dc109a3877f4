import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { analyseRound } from "~/domain/poet/analyseRound";
import { DEMO_DELIBERATE_GAPS, generateDemoRound } from "~/domain/poet/demo/generateDemoRound";
import { respondentsToCsv } from "~/domain/poet/demo/respondentsToCsv";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { parsePoetFile } from "~/services/poetFile/index.server";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe("the synthetic demo round", () => {
  it("is the same for the same seed and different for another", () => {
    const a = generateDemoRound({ seed: 42, respondents: 300 });
    expect(generateDemoRound({ seed: 42, respondents: 300 })).toEqual(a);
    expect(generateDemoRound({ seed: 43, respondents: 300 }).respondents).not.toEqual(a.respondents);
    expect(a.synthetic).toBe(true);
    expect(a.respondents.every((r) => r.id.startsWith("SYN-"))).toBe(true);
  });

  it("has exactly its deliberate strengths and weaknesses for everyone, the rest in line", () => {
    const { respondents } = generateDemoRound({ seed: 1, respondents: 2000 });
    const { findings } = analyseRound(adult2014, { kind: "respondents", respondents }, approximateNationalAdult2014);
    const notable = findings.filter((f) => f.group === "all" && (f.classification === "strength" || f.classification === "weakness"));
    expect(Object.fromEntries(notable.map((f) => [f.question, f.classification]))).toEqual({
      O_SAFE: "weakness",
      // Strengths moved to questions England's published figure lets a council beat (issue 19: nobody can be
      // shown above "at least two thirds").
      O_JOB: "strength",
      P_VIEWS_INCLUDED: "strength",
      P_KNEW_AMOUNT: "weakness",
    });
    // Each deliberate gap is measured from the demo's typical figure (15% for a job, 80% for views, 67% for
    // feeling safe, 50% for knowing the amount); against a band, the difference is from the band's edge.
    const typical: Record<string, number> = { O_JOB: 15, P_VIEWS_INCLUDED: 80, O_SAFE: 67, P_KNEW_AMOUNT: 50 };
    for (const f of notable) expect(f.percent).toBeCloseTo(typical[f.question] + DEMO_DELIBERATE_GAPS[f.question], -1);
  });

  it("shows the national process → outcome pattern: odds near 2.8 for an easy process and 1.9 for views included", () => {
    const { respondents } = generateDemoRound({ seed: 5, respondents: 10_000 });
    const { links } = analyseRound(adult2014, { kind: "respondents", respondents }, approximateNationalAdult2014);
    const holderOutcomeOdds = (process: string) => links.filter((l) => l.process === process && l.outcome.startsWith("O_")).map((l) => l.oddsRatio);
    expect(median(holderOutcomeOdds("P_EASY"))).toBeGreaterThan(2.4);
    expect(median(holderOutcomeOdds("P_EASY"))).toBeLessThan(3.2);
    expect(median(holderOutcomeOdds("P_VIEWS_INCLUDED"))).toBeGreaterThan(1.6);
    expect(median(holderOutcomeOdds("P_VIEWS_INCLUDED"))).toBeLessThan(2.2);
    // Ranked: claimed links first, the smallest q first (issue 19: ranking by the interval put chance links first).
    expect(links[0].q).toBe(Math.min(...links.map((l) => l.q)));
    const firstUnclaimed = links.findIndex((l) => !l.claimed);
    if (firstUnclaimed >= 0) expect(links.slice(firstUnclaimed).every((l) => !l.claimed)).toBe(true);
  });

  it("survives a round trip through CSV and the importer unchanged", async () => {
    const { respondents } = generateDemoRound({ seed: 9, respondents: 200 });
    const bytes = new TextEncoder().encode(respondentsToCsv(adult2014, respondents));
    const result = await parsePoetFile({ fileName: "demo.csv", bytes, questionSetVersion: "adult-2014" });
    expect(result.ok && result.kind === "respondents" && result.respondents).toEqual(respondents);
  });
});
