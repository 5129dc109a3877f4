import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { analyseRound } from "~/domain/poet/analyseRound";
import type { Benchmark } from "~/domain/poet/benchmark";
import { approximateNationalAdult2014 } from "~/domain/poet/nationalBenchmark";
import { people, workedExample } from "./people";

const analyse = (respondents = workedExample(), benchmark: Benchmark = approximateNationalAdult2014) =>
  analyseRound(adult2014, { kind: "respondents", respondents }, benchmark);
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
    // BH over the 3 tested items (safe 0.01071, dignity 0.07437, knew amount 1): q = 0.01071 × 3 / 1 = 0.03213
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
    // se = √(0.81 × 0.19 / 100) = 0.039230; z = 0.07 / 0.039230 = 1.784; p = 0.07437; q = 0.07437 × 3 / 2 = 0.11155
    const dignity = finding(result, "O_DIGNITY~all");
    expect(dignity).toMatchObject({ n: 100, positive: 88, classification: "in-line" });
    expect(dignity.q).toBeCloseTo(0.111552, 5);
    expect(dignity.sentence).toContain("a difference that could be chance");
  });

  it("links knowing the budget amount to feeling safe with an odds ratio of 3.5 (1.53 to 8.01)", () => {
    // (35 × 30) / (15 × 20) = 3.5; se = √(1/35 + 1/15 + 1/20 + 1/30) = 0.422577; 3.5·e^(∓0.828240)
    const link = result.links.find((l) => l.process === "P_KNEW_AMOUNT" && l.outcome === "O_SAFE");
    expect(link).toMatchObject({ n: 100, oddsRatio: expect.closeTo(3.5, 10) });
    expect(link?.ciLow).toBeCloseTo(1.52887, 4);
    expect(link?.ciHigh).toBeCloseTo(8.01247, 4);
    expect(link?.sentence).toBe("People who knew their budget amount were 3.5 times as likely to say their budget helped them feel safe (95% interval 1.5 to 8.0).");
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

  it("shows 9 answers as too few to say even when all are positive, and keeps them out of the q-values", () => {
    const result = analyse([...people(9, { O_QOL: "better" }), ...people(40, { O_SAFE: "better" }, {}, 100)]);
    expect(finding(result, "O_QOL~all")).toMatchObject({ n: 9, percent: 100, ciHigh: 100, classification: "too-few", q: null });
    expect(finding(result, "O_QOL~all").sentence).toBe("Only 9 people answered, too few to compare with England: 9 of them said their budget improved their quality of life.");
    // O_SAFE is alone in its family, so q = p.
    const safe = finding(result, "O_SAFE~all");
    expect(safe.q).toBe(safe.p);
  });

  it("handles a single person", () => {
    const result = analyse(people(1, { O_QOL: "worse" }));
    expect(finding(result, "O_QOL~all")).toMatchObject({ n: 1, positive: 0, percent: 0, ciLow: 0, classification: "too-few" });
  });

  it("compares a group with England's figure for everyone when the benchmark has no figure for the group", () => {
    const result = analyse(people(50, { O_QOL: "better" }, { ageBand: "65-plus" }));
    expect(finding(result, "O_QOL~age:65-plus")).toMatchObject({ n: 50, percent: 100, national: 81, classification: "strength" });
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
      ["C_WELL~survey:carer", "strength"],
    ]);
    expect(result.links).toEqual([]);
    expect(result.groups).toEqual([
      { id: "all", label: "Everyone", people: null },
      { id: "survey:carer", label: "Carers", people: null },
    ]);
  });
});
