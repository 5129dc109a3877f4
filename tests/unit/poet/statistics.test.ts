import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "~/domain/poet/stats/benjaminiHochberg";
import { classify } from "~/domain/poet/stats/classify";
import { oneSampleScoreTest, twoProportionTest } from "~/domain/poet/stats/compare";
import { normalCdf, twoSidedP } from "~/domain/poet/stats/normal";
import { oddsRatio } from "~/domain/poet/stats/oddsRatio";
import { wilsonInterval } from "~/domain/poet/stats/wilson";

describe("normal distribution", () => {
  it("matches published values of Φ to better than 1e-7", () => {
    // Reference values from tables of the standard normal (to 16 figures).
    const table: [number, number][] = [
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [1.96, 0.9750021048517795],
      [-1.96, 0.024997895148220435],
      [3, 0.9986501019683699],
      [-3, 0.0013498980316300957],
      [-5, 2.866515718791946e-7],
      [2.5758293035489, 0.995],
    ];
    for (const [z, expected] of table) expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-7);
  });

  it("gives p = 0.05 two-sided at z = 1.96 and 1 at z = 0", () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 7);
    expect(twoSidedP(0)).toBeCloseTo(1, 7);
    expect(twoSidedP(-Infinity)).toBe(0);
  });
});

describe("Wilson 95% interval", () => {
  it("gives 39.7% to 89.2% for 7 of 10", () => {
    // p = 0.7, z² = 3.841459; centre = (0.7 + 3.841459/20) / (1 + 3.841459/10) = 0.892073 / 1.384146 = 0.644493
    // half = (1.959964 / 1.384146) × √(0.7×0.3/10 + 3.841459/400) = 1.416010 × √0.030604 = 0.247715
    const ci = wilsonInterval(7, 10);
    expect(ci?.low).toBeCloseTo(0.396778, 5);
    expect(ci?.high).toBeCloseTo(0.892209, 5);
  });

  it("stays inside 0–100% when nobody or everybody is positive", () => {
    // 0 of 10: low = 0 exactly; high = 2·z²/(2n)/(1 + z²/n) = 0.384146/1.384146 = 0.277533
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.277533, 5) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.722467, 5), high: 1 });
  });

  it("is wide but defined for a single answer", () => {
    // n = 1, x = 1: low = 1/(1 + z²) = 1/4.841459 = 0.206549
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.206549, 5), high: 1 });
    expect(wilsonInterval(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.793451, 5) });
  });

  it("has no interval when nobody answered", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("comparison with England", () => {
  it("one-sample score test: 58 of 100 against 71% gives z = −2.865, p = 0.0042", () => {
    // se = √(0.71 × 0.29 / 100) = √0.002059 = 0.045376; z = (0.58 − 0.71) / 0.045376 = −2.8649
    const { z, p } = oneSampleScoreTest(58, 100, 0.71);
    expect(z).toBeCloseTo(-2.86494, 4);
    expect(p).toBeCloseTo(0.004171, 5);
  });

  it("two-proportion test: 58 of 100 against 71% of 1,000 gives z = −2.700, p = 0.0069", () => {
    // pooled = (58 + 710) / 1100 = 0.698182; se = √(0.698182 × 0.301818 × (1/100 + 1/1000)) = 0.048145
    // z = −0.13 / 0.048145 = −2.7002
    const { z, p } = twoProportionTest(58, 100, 0.71, 1000);
    expect(z).toBeCloseTo(-2.70016, 4);
    expect(p).toBeCloseTo(0.006931, 5);
  });

  it("treats 100% here against 100% nationally as no difference, and any gap from 100% nationally as certain", () => {
    // (The result now also names its test; compareWithNational refuses 0% and 100% without n: see method.test.ts.)
    expect(oneSampleScoreTest(10, 10, 1)).toEqual({ z: 0, p: 1, method: "score" });
    expect(oneSampleScoreTest(9, 10, 1).p).toBe(0);
    expect(twoProportionTest(0, 10, 0, 500)).toEqual({ z: 0, p: 1, method: "two-proportion" });
  });
});

describe("Benjamini–Hochberg", () => {
  it("turns p = 0.01, 0.04, 0.03, 0.20 into q = 0.04, 0.0533, 0.0533, 0.20", () => {
    // sorted: 0.01·4/1 = 0.04; 0.03·4/2 = 0.06; 0.04·4/3 = 0.0533; 0.20·4/4 = 0.20
    // running minimum from the largest: 0.20, 0.0533, min(0.06, 0.0533) = 0.0533, 0.04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 10);
    expect(q[1]).toBeCloseTo(0.16 / 3, 10);
    expect(q[2]).toBeCloseTo(0.16 / 3, 10);
    expect(q[3]).toBeCloseTo(0.2, 10);
  });

  it("leaves untested items out of the count", () => {
    // m = 2: 0.02·2/1 = 0.04, 0.5·2/2 = 0.5
    expect(benjaminiHochberg([null, 0.02, 0.5])).toEqual([null, expect.closeTo(0.04, 10), expect.closeTo(0.5, 10)]);
  });

  it("never gives a q above 1", () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
  });
});

describe("classification", () => {
  it("calls a significant gap of 5 points or more a strength or a weakness", () => {
    expect(classify({ n: 100, differencePoints: 5, q: 0.01 })).toBe("strength");
    expect(classify({ n: 100, differencePoints: -13, q: 0.01 })).toBe("weakness");
  });

  it("calls a significant gap under 5 points, or a big gap that could be chance, in line", () => {
    expect(classify({ n: 5000, differencePoints: 4.9, q: 0.0001 })).toBe("in-line");
    expect(classify({ n: 30, differencePoints: -12, q: 0.2 })).toBe("in-line");
  });

  it("says too few to say under 10 answers, however big the gap", () => {
    expect(classify({ n: 9, differencePoints: -60, q: 0.001 })).toBe("too-few");
  });
});

describe("odds ratio", () => {
  it("gives 6.0 (2.45 to 14.68) for 40/10 against 20/30", () => {
    // OR = (40 × 30) / (10 × 20) = 6; se(ln OR) = √(1/40 + 1/10 + 1/20 + 1/30) = √0.208333 = 0.456435
    // ln 6 = 1.791759; 1.791759 ± 1.959964 × 0.456435 → e^0.897162 = 2.4526, e^2.686357 = 14.6781
    const result = oddsRatio({ a: 40, b: 10, c: 20, d: 30 });
    expect(result.oddsRatio).toBeCloseTo(6, 10);
    expect(result.ciLow).toBeCloseTo(2.45263, 4);
    expect(result.ciHigh).toBeCloseTo(14.6781, 3);
    expect(result.corrected).toBe(false);
  });

  it("adds 0.5 to every cell when one is zero", () => {
    // 10/0 against 5/5 → 10.5/0.5 against 5.5/5.5: OR = (10.5 × 5.5) / (0.5 × 5.5) = 21
    // se = √(1/10.5 + 1/0.5 + 1/5.5 + 1/5.5) = 1.568080 → 21·e^(∓3.073388) = 0.9716 to 453.9
    const result = oddsRatio({ a: 10, b: 0, c: 5, d: 5 });
    expect(result.oddsRatio).toBeCloseTo(21, 10);
    expect(result.ciLow).toBeCloseTo(0.97155, 4);
    expect(result.ciHigh).toBeCloseTo(453.91, 1);
    expect(result.corrected).toBe(true);
  });
});
