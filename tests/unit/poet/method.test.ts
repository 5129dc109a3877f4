import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { analyseRound } from "~/domain/poet/analyseRound";
import type { Benchmark } from "~/domain/poet/benchmark";
import { approximateNationalAdult2014, nationalFigureBasis, NO_NATIONAL_FIGURE } from "~/domain/poet/nationalBenchmark";
import { compareWithNational } from "~/domain/poet/stats/compare";
import { binomialMidP, fisherMidP } from "~/domain/poet/stats/exact";
import { people } from "./people";

const only = (values: Benchmark["values"]): Benchmark => ({ ...approximateNationalAdult2014, approximate: false, values });
const findingOf = (result: ReturnType<typeof analyseRound>, id: string) => {
  const found = result.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
};

describe("the exact mid-p test near 0% and 100%", () => {
  it("national 0.5%, 20 answers, 1 positive: mid-p = 0.0999, where the score test said 0.0043", () => {
    // X ~ Binomial(20, 0.005). P(X = 0) = 0.995^20 = 0.904610; P(X = 1) = 20 × 0.005 × 0.995^19 = 0.090916;
    // P(X ≥ 2) = 1 − 0.904610 − 0.090916 = 0.004474.
    // One-sided mid-p on the side the data fell (above): P(X > 1) + ½ P(X = 1) = 0.004474 + 0.045458 = 0.049932.
    // Two-sided: doubled, 0.099863. (The plain exact p, P(X ≥ 1), is 0.0954; the score test gave
    // z = (0.05 − 0.005) / √(0.005 × 0.995 / 20) = 2.853, p = 0.0043.)
    expect(binomialMidP(1, 20, 0.005)).toBeCloseTo(0.0998634, 6);
    const comparison = compareWithNational(1, 20, 0.005, null);
    expect(comparison).toMatchObject({ method: "exact-mid-p", p: expect.closeTo(0.0998634, 6) });
  });

  it("uses the exact test while fewer than 5 good (or not-good) answers are expected, the score test from 5", () => {
    // n·p0 = 40 × 0.1 = 4 < 5: exact. n·p0 = 50 × 0.1 = 5: score test.
    expect(compareWithNational(8, 40, 0.1, null)?.method).toBe("exact-mid-p");
    expect(compareWithNational(8, 50, 0.1, null)?.method).toBe("score");
    // n·(1 − p0) = 40 × 0.05 = 2 < 5 near 100%.
    expect(compareWithNational(35, 40, 0.95, null)?.method).toBe("exact-mid-p");
  });

  it("gives p = 1 for the most likely count of a symmetric distribution", () => {
    // Binomial(2, 0.5): P = 0.25, 0.5, 0.25. At x = 1: below + ½·P(1) = 0.25 + 0.25 = 0.5, doubled = 1.
    expect(binomialMidP(1, 2, 0.5)).toBeCloseTo(1, 12);
  });

  it("Fisher's mid-p for 3/0 against 0/3: 0.05", () => {
    // Rows 3 | 3, 3 good: a ~ Hypergeometric, P(a = 3) = C(3,3)·C(3,0)/C(6,3) = 1/20 = 0.05, nothing above.
    // mid-p = 2 × (0 + 0.05 / 2) = 0.05.
    expect(fisherMidP({ a: 3, b: 0, c: 0, d: 3 })).toBeCloseTo(0.05, 12);
  });

  it("refuses to test against a national 0% or 100% with no n: no p-value, so never a strength or weakness", () => {
    expect(compareWithNational(1, 100, 0, null)).toBeNull();
    expect(compareWithNational(99, 100, 1, null)).toBeNull();
    const result = analyseRound(adult2014, { kind: "respondents", respondents: people(50, { O_JOB: "better" }) }, only([{ question: "O_JOB", group: "all", percent: 0, n: null }]));
    expect(findingOf(result, "O_JOB~all")).toMatchObject({ p: null, classification: "no-benchmark" });
  });
});

describe("published bands and missing national figures", () => {
  const safeAt = (positive: number, total: number) =>
    analyseRound(
      adult2014,
      { kind: "respondents", respondents: [...people(positive, { O_SAFE: "better" }), ...people(total - positive, { O_SAFE: "no change" }, {}, 10_000)] },
      approximateNationalAdult2014,
    );

  it("does not call 75% of 400 feeling safe a strength against 'at least two thirds'", () => {
    // England's band is 66.7% to 100%; 75% is inside it, so England could be as high: p = 1, in line.
    // (With the old figure of 67 taken as a point: z = 0.08 / √(0.67 × 0.33 / 400) = 3.40, a "strength".)
    const safe = findingOf(safeAt(300, 400), "O_SAFE~all");
    expect(safe).toMatchObject({ percent: 75, nationalText: "at least two thirds", nationalLow: expect.closeTo(66.667, 2), nationalHigh: 100, p: 1, classification: "in-line" });
    expect(safe.sentence).toBe("75% of people here said their budget helped them feel safe, within England's published figure of at least two thirds.");
    expect(safe.easyRead).toBe("In our area, 75 in every 100 people said they feel safer. In England it is at least 2 in every 3. This is about the same as England.");
  });

  it("calls 55% of 400 a weakness against the band's lower edge, two thirds", () => {
    // z = (0.55 − 0.666667) / √(0.666667 × 0.333333 / 400) = −0.116667 / 0.023570 = −4.950; p = 7.4e-7.
    const safe = findingOf(safeAt(220, 400), "O_SAFE~all");
    expect(safe).toMatchObject({ national: expect.closeTo(66.6667, 3), difference: expect.closeTo(-11.6667, 3), classification: "weakness" });
    expect(safe.p).toBeCloseTo(7.42e-7, 8);
    expect(safe.sentence).toBe("Fewer people here than across England said their budget helped them feel safe: 55% against at least two thirds.");
  });

  it("says 'no national figure' for the five questions nothing was published on", () => {
    expect([...NO_NATIONAL_FIGURE].sort()).toEqual(["O_HOME", "O_VOLUNTEER", "P_ASSESSMENT", "P_COUNCIL_SUPPORTIVE", "P_HELP_TO_PLAN"]);
    const answers = { O_HOME: "better", O_VOLUNTEER: "better", P_ASSESSMENT: "easy", P_HELP_TO_PLAN: "yes", P_COUNCIL_SUPPORTIVE: "very supportive" };
    const result = analyseRound(adult2014, { kind: "respondents", respondents: people(60, answers) }, approximateNationalAdult2014);
    for (const code of NO_NATIONAL_FIGURE) {
      const f = findingOf(result, `${code}~all`);
      expect(f, code).toMatchObject({ national: null, nationalText: null, p: null, classification: "no-benchmark" });
      expect(f.sentence, code).toMatch(/there is no national figure to compare with\.$/);
    }
  });

  it("has a published basis for every national figure it ships", () => {
    for (const value of approximateNationalAdult2014.values) expect(NO_NATIONAL_FIGURE).not.toContain(value.question);
    expect(approximateNationalAdult2014.values).toHaveLength(adult2014.questions.length - NO_NATIONAL_FIGURE.length);
  });

  it("takes the three 2017 figures from the 2017 POET report's key findings, naming the report on the finding page", () => {
    // In Control, "2017 POET Report for Adults in Receipt of Social Care Support" (4,300 people, 18 areas):
    // "Less than two thirds (63%) … information and advice"; "A large majority (80%) … views were fully or mostly
    // included"; "Around half … aware of the amount of money in their personal budget … (50%)".
    const shipped = (question: string) => approximateNationalAdult2014.values.find((v) => v.question === question);
    expect(shipped("P_INFO")).toEqual({ question: "P_INFO", group: "all", percent: 63, n: null });
    expect(shipped("P_VIEWS_INCLUDED")).toEqual({ question: "P_VIEWS_INCLUDED", group: "all", percent: 80, n: null });
    expect(shipped("P_KNEW_AMOUNT")).toEqual({ question: "P_KNEW_AMOUNT", group: "all", percent: 50, n: null });
    const report = "2017 POET report for adults in receipt of social care support (In Control)";
    expect(nationalFigureBasis.P_INFO).toBe(`${report}: 63% rated their support good or very good for information and advice (a rating of the support, not of how easy it was: the nearest published figure)`);
    expect(nationalFigureBasis.P_VIEWS_INCLUDED).toBe(`${report}: 80% said their views were fully or mostly included when their support was planned`);
    expect(nationalFigureBasis.P_KNEW_AMOUNT).toBe(`${report}: 50% were aware of the amount of money in their personal budget when their support was planned`);
  });
});

describe("links worded truthfully", () => {
  const round = (withHelp: [number, number], without: [number, number]) => {
    const respondents = [
      ...people(withHelp[0], { P_HELP_TO_PLAN: "yes", O_SAFE: "better" }),
      ...people(withHelp[1] - withHelp[0], { P_HELP_TO_PLAN: "yes", O_SAFE: "no change" }, {}, 1000),
      ...people(without[0], { P_HELP_TO_PLAN: "no", O_SAFE: "better" }, {}, 2000),
      ...people(without[1] - without[0], { P_HELP_TO_PLAN: "no", O_SAFE: "no change" }, {}, 3000),
    ];
    const link = analyseRound(adult2014, { kind: "respondents", respondents }, approximateNationalAdult2014).links.find((l) => l.process === "P_HELP_TO_PLAN" && l.outcome === "O_SAFE");
    if (!link) throw new Error("no link");
    return link;
  };

  it("complete separation: counts, no '34869.0 times as likely'", () => {
    // 40 of 40 against 0 of 38: the odds ratio is infinite (0.5 added to every cell gives (40.5 × 38.5)/(0.5 × 0.5) = 6237);
    // the share with help is 100%, without 0%: the ratio of shares is undefined, so the counts speak.
    // Fisher mid-p: P(a = 40) = 1/C(78,40) ≈ 3.8e-23, nothing more extreme: p = 3.8e-23.
    const link = round([40, 40], [0, 38]);
    expect(link.sentence).toBe("40 of 40 people who had help to plan said their budget helped them feel safe (100%), against 0 of 38 who did not (0%).");
    expect(link.riskRatio).toBeNull();
    expect(link.oddsRatioCorrected).toBe(true);
    expect(link.detail).toMatch(/^Odds ratio not given: on one side everyone, or nobody, had a good outcome, so it cannot be estimated; p = below 0\.001/);
    expect(link.claimed).toBe(true);
    expect(`${link.sentence} ${link.detail}`).not.toMatch(/times as likely|6237|34869/);
  });

  it("a common outcome: leads with the counts and the ratio of shares, the odds ratio only in the detail", () => {
    // 31 of 40 (77.5%) against 12 of 38 (31.6%): risk ratio (31 × 38)/(12 × 40) = 1178/480 = 2.454;
    // odds ratio (31 × 26)/(9 × 12) = 806/108 = 7.46 — three times the ratio of shares, which is why it is not the headline.
    const link = round([31, 40], [12, 38]);
    expect(link.riskRatio).toBeCloseTo(2.454167, 5);
    expect(link.oddsRatio).toBeCloseTo(7.462963, 5);
    expect(link.sentence).toBe("31 of 40 people who had help to plan said their budget helped them feel safe (78%), against 12 of 38 who did not (32%): 2.5 times the share.");
    expect(link.detail).toMatch(/^Odds ratio 7\.5 \(95% interval /);
  });

  it("says a link could be chance when it is not claimed", () => {
    // 12 of 20 against 10 of 20: Fisher mid-p is far above 0.05.
    const link = round([12, 20], [10, 20]);
    expect(link.claimed).toBe(false);
    expect(link.sentence).toBe("12 of 20 people who had help to plan said their budget helped them feel safe (60%), against 10 of 20 who did not (50%): 1.2 times the share. This could be chance.");
  });
});
