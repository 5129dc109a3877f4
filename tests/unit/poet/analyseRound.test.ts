import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { analyseRound } from "~/domain/poet/analyseRound";
import type { Benchmark } from "~/domain/poet/benchmark";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { people, workedExample } from "./people";

// The worked example of docs/method.md §7 uses single national figures (as a council's own benchmark file
// gives them); the shipped benchmark's published bands are worked in §8 and tested below.
const pointBenchmark: Benchmark = {
  ...approximateNationalAdult2014,
  approximate: false,
  values: [
    { question: "O_SAFE", group: "all", percent: 67, n: null },
    { question: "O_DIGNITY", group: "all", percent: 81, n: null },
    { question: "O_QOL", group: "all", percent: 81, n: null },
    { question: "P_KNEW_AMOUNT", group: "all", percent: 50, n: null },
  ],
};
const analyse = (respondents = workedExample(), benchmark: Benchmark = pointBenchmark) => analyseRound(adult2014, { kind: "respondents", respondents }, benchmark);
const finding = (result: ReturnType<typeof analyse>, id: string) => {
  const found = result.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
};

describe("the worked example of docs/method.md", () => {
  const result = analyse();

  it("finds feeling safe a weakness: 55% (45.2–64.4) against 67%, p = 0.0107, q = 0.0321", () => {
    // 8 "don't know" answers leave the denominator: n = 100, x = 55.
    // score test: se = √(0.67 × 0.33 / 100) = 0.047021; z = −0.12 / 0.047021 = −2.552; p = 0.01071
    // BH over every tested finding of the round: 3 questions × 2 groups (Everyone and Budget holders are the
    // same 108 people), so m = 6 with each p twice: 0.01071, 0.01071, 0.07437, 0.07437, 1, 1.
    // q = min(0.01071 × 6/1, 0.01071 × 6/2, …) = 0.01071 × 6 / 2 = 0.03213 (the same as with m = 3).
    const safe = finding(result, "O_SAFE~all");
    expect(safe).toMatchObject({ n: 100, positive: 55, percent: 55, national: 67, nationalN: null, difference: -12, classification: "weakness" });
    expect(safe.ciLow).toBeCloseTo(45.2446, 3);
    expect(safe.ciHigh).toBeCloseTo(64.3855, 3);
    expect(safe.p).toBeCloseTo(0.010710, 5);
    expect(safe.q).toBeCloseTo(0.032129, 5);
    expect(safe.sentence).toBe("Fewer people here than across England said their budget helped them feel safe: 55% against 67%.");
    expect(safe.easyRead).toBe("In our area, 55 in every 100 people said they feel safer. In England it is 67 in every 100. We are doing worse than England.");
  });

  it("finds dignity 7 points higher but in line, because the difference could be chance", () => {
    // se = √(0.81 × 0.19 / 100) = 0.039230; z = 0.07 / 0.039230 = 1.784; p = 0.07437; q = 0.07437 × 6 / 4 = 0.11155
    const dignity = finding(result, "O_DIGNITY~all");
    expect(dignity).toMatchObject({ n: 100, positive: 88, classification: "in-line" });
    expect(dignity.q).toBeCloseTo(0.111552, 5);
    expect(dignity.sentence).toContain("a difference that could be chance");
  });

  it("links knowing the budget amount to feeling safe: 35 of 50 against 20 of 50, 1.75 times the share, odds ratio 3.5 (1.53 to 8.01)", () => {
    // shares 70% and 40%: risk ratio 0.70 / 0.40 = 1.75, led with the counts; the odds ratio is the detail:
    // (35 × 30) / (15 × 20) = 3.5; se = √(1/35 + 1/15 + 1/20 + 1/30) = 0.422577; 3.5·e^(∓0.828240)
    // Fisher mid-p (hypergeometric, 50 | 50 rows, 55 good): P(a = 35) = 0.0017263, P(a > 35) = 0.0005912,
    // so p = 2 × (0.0005912 + 0.0017263 / 2) = 0.0029087. The round's other link (knew amount → dignity,
    // 44 of 50 on both sides) sits at the middle of its distribution: p = 1. BH over m = 2: q = 0.0029087 × 2 = 0.0058174.
    const link = result.links.find((l) => l.process === "P_KNEW_AMOUNT" && l.outcome === "O_SAFE");
    expect(link).toMatchObject({ n: 100, oddsRatio: expect.closeTo(3.5, 10), riskRatio: 1.75, withCondition: { good: 35, total: 50 }, withoutCondition: { good: 20, total: 50 } });
    expect(link?.ciLow).toBeCloseTo(1.52887, 4);
    expect(link?.ciHigh).toBeCloseTo(8.01247, 4);
    expect(link?.p).toBeCloseTo(0.0029087, 6);
    expect(link?.q).toBeCloseTo(0.0058174, 6);
    expect(link?.claimed).toBe(true);
    expect(link?.sentence).toBe(
      "35 of 50 people who knew their budget amount said their budget helped them feel safe (70%), against 20 of 50 who did not (40%): 1.8 times the share.",
    );
    expect(link?.detail).toBe("Odds ratio 3.5 (95% interval 1.5 to 8.0); p = 0.003, q = 0.006 across every link of this round.");
    expect(result.links[0]).toBe(link);
  });

  it("reports the groups present and does not invent carer findings", () => {
    expect(result.groups).toEqual([
      { id: "all", label: "Everyone", people: 108 },
      { id: "survey:holder", label: "Budget holders", people: 108 },
    ]);
    expect(result.findings.some((f) => f.question.startsWith("C_"))).toBe(false);
  });
});

describe("small numbers and edge cases", () => {
  it("shows an item everyone answered \"don't know\" as too few to say, with no percentage", () => {
    const result = analyse(people(30, { O_JOB: "don't know" }));
    const job = finding(result, "O_JOB~all");
    expect(job).toMatchObject({ n: 0, percent: null, ciLow: null, p: null, q: null, classification: "too-few" });
    expect(job.sentence).toMatch(/^Nobody gave an answer other than "don't know"/);
  });

  it("withholds 9 answers (under the disclosure threshold of 10) even when all are positive, and keeps them out of the q-values", () => {
    // Before: "Only 9 people answered…: 9 of them said…" with 100% — a small group's answers disclosed.
    const result = analyse([...people(9, { O_QOL: "better" }), ...people(40, { O_SAFE: "better" }, {}, 100)]);
    expect(finding(result, "O_QOL~all")).toMatchObject({ n: null, positive: null, percent: null, ciHigh: null, classification: "too-few", withheld: true, q: null });
    expect(finding(result, "O_QOL~all").sentence).toBe("Fewer than 10 people answered, so their answers are not shown.");
    // O_SAFE for Everyone and for Budget holders (the same 40 people): m = 2 equal p-values, so q = p.
    const safe = finding(result, "O_SAFE~all");
    expect(safe.q).toBeCloseTo(safe.p ?? -1, 12);
  });

  it("with a council threshold of 5, shows 9 answers as too few to compare, with their figures", () => {
    const result = analyseRound(adult2014, { kind: "respondents", respondents: people(9, { O_QOL: "better" }) }, pointBenchmark, { disclosureThreshold: 5 });
    expect(finding(result, "O_QOL~all")).toMatchObject({ n: 9, percent: 100, classification: "too-few", withheld: false, q: null });
    expect(finding(result, "O_QOL~all").sentence).toBe("Only 9 people answered, too few to compare with England: 9 of them said their budget improved their quality of life.");
  });

  it("never discloses a single person's answer: the row stays, the figure says fewer than 10 people", () => {
    const result = analyse(people(1, { O_QOL: "worse" }, { ageBand: "18-64" }));
    const one = finding(result, "O_QOL~age:18-64");
    expect(one).toMatchObject({ n: null, positive: null, percent: null, ciLow: null, ciHigh: null, difference: null, p: null, classification: "too-few", withheld: true });
    expect(one.sentence).toBe("Among people aged 18 to 64, fewer than 10 people answered, so their answers are not shown.");
    expect(one.easyRead).toBe("This is about people aged 18 to 64. Fewer than 10 people answered. We do not show their answers.");
    expect(JSON.stringify(one)).not.toMatch(/100|"n":1\b|1 of them/);
    expect(result.groups.find((g) => g.id === "age:18-64")).toEqual({ id: "age:18-64", label: "Aged 18 to 64", people: null, fewerThan: 10 });
  });

  it("compares a group with England's figure for everyone when the benchmark has no figure for the group", () => {
    const result = analyse(people(50, { O_QOL: "better" }, { ageBand: "65-plus" }));
    expect(finding(result, "O_QOL~age:65-plus")).toMatchObject({ n: 50, percent: 100, national: 81, nationalText: "81%", classification: "strength" });
    expect(finding(result, "O_QOL~age:65-plus").sentence).toBe(
      "Among people aged 65 and over, more people here than across England said their budget improved their quality of life: 100% against 81%.",
    );
  });

  it("says so when there is no national figure for a question", () => {
    const benchmark: Benchmark = { ...approximateNationalAdult2014, values: [] };
    const result = analyse(people(20, { O_QOL: "better" }), benchmark);
    expect(finding(result, "O_QOL~all")).toMatchObject({ classification: "no-benchmark", national: null, difference: null });
  });

  it("uses the two-proportion test when the national sample size is known", () => {
    const benchmark: Benchmark = { ...approximateNationalAdult2014, values: [{ question: "O_SAFE", group: "all", percent: 71, n: 1000 }] };
    const result = analyse([...people(58, { O_SAFE: "better" }), ...people(42, { O_SAFE: "no change" }, {}, 100)], benchmark);
    // As hand-worked in statistics.test.ts: z = −2.700, p = 0.006931.
    expect(finding(result, "O_SAFE~all")).toMatchObject({ nationalN: 1000, p: expect.closeTo(0.006931, 5), classification: "weakness" });
  });
});

describe("aggregate report tables", () => {
  it("analyses rows of positive and total without individual answers, and has no links", () => {
    const result = analyseRound(
      adult2014,
      {
        kind: "aggregate",
        rows: [
          { question: "O_SAFE", group: "all", positive: 58, total: 100 },
          { question: "C_WELL", group: "survey:carer", positive: 90, total: 110 },
        ],
      },
      approximateNationalAdult2014,
    );
    expect(result.findings.map((f) => [f.id, f.classification])).toEqual([
      ["O_SAFE~all", "in-line"],
      // 90 of 110 carers (82%) is within England's published "over two thirds": England could be that high too.
      ["C_WELL~survey:carer", "in-line"],
    ]);
    expect(result.links).toEqual([]);
    expect(result.groups).toEqual([
      { id: "all", label: "Everyone", people: null },
      { id: "survey:carer", label: "Carers", people: null },
    ]);
  });
});

describe("questions missing from the file", () => {
  it("are 'not in this file', not 'nobody gave an answer'; a column of blanks still says nobody answered", () => {
    // The file had columns for O_SAFE and O_QOL only; O_QOL was left blank by everyone.
    const respondents = people(30, { O_SAFE: "better" });
    const result = analyseRound(adult2014, { kind: "respondents", respondents, questionsInFile: ["O_SAFE", "O_QOL"] }, pointBenchmark);
    expect(result.notInFile).toContain("O_DIGNITY");
    expect(result.notInFile).not.toContain("O_QOL");
    expect(result.findings.some((f) => f.question === "O_DIGNITY")).toBe(false);
    expect(finding(result, "O_QOL~all").sentence).toMatch(/^Nobody gave an answer other than "don't know" or a blank/);
    // Links only use questions the file had.
    expect(result.links.every((l) => l.outcome === "O_SAFE" || l.outcome === "O_QOL")).toBe(true);
  });
});

describe("small groups that gave no real answer", () => {
  it("withholds 'nobody answered' for a group under the threshold, but says it of a group big enough to show", () => {
    // 3 people aged 18-64 all said "don't know": saying so would describe those 3 people's answers.
    const respondents = [...people(3, { O_JOB: "don't know" }, { ageBand: "18-64" }), ...people(30, { O_JOB: "don't know" }, { ageBand: "65-plus" }, 100)];
    const result = analyse(respondents);
    expect(finding(result, "O_JOB~age:18-64")).toMatchObject({ withheld: true, n: null });
    expect(finding(result, "O_JOB~age:65-plus")).toMatchObject({ withheld: false, n: 0, classification: "too-few" });
    expect(finding(result, "O_JOB~age:65-plus").sentence).toMatch(/nobody gave an answer other than "don't know"/);
  });
});
