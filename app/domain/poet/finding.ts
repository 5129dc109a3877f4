import { findBenchmarkValue, type Benchmark } from "./benchmark";
import { findingId } from "./findingId";
import type { Question } from "./questionSet";
import { findingEasyRead, findingSentence } from "./sentences";
import { benjaminiHochberg } from "./stats/benjaminiHochberg";
import { classify, MIN_ANSWERS, type Classification } from "./stats/classify";
import { oneSampleScoreTest, twoProportionTest } from "./stats/compare";
import { wilsonInterval } from "./stats/wilson";

/** What one question says about one group here, against England. Percentages and differences are 0–100. */
export type Finding = {
  id: string;
  question: string;
  group: string;
  n: number;
  positive: number;
  percent: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  national: number | null;
  nationalN: number | null;
  difference: number | null;
  p: number | null;
  q: number | null;
  classification: Classification;
  sentence: string;
  easyRead: string;
};

/** Positive answers out of those who gave a real answer, for one question and group. */
export type Tally = { question: Question; group: string; positive: number; n: number };

/** Turns the tallies of one round into findings, with q-values computed within each group. */
export function buildFindings(tallies: readonly Tally[], benchmark: Benchmark): Finding[] {
  const draft = tallies.map((t) => measure(t, benchmark));
  const byGroup = new Map<string, number[]>();
  draft.forEach((f, i) => byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), i]));
  for (const indexes of byGroup.values()) {
    // Items with too few answers are shown but not classified, so they are not part of the tested family.
    const q = benjaminiHochberg(indexes.map((i) => (draft[i].n >= MIN_ANSWERS ? draft[i].p : null)));
    indexes.forEach((i, k) => (draft[i].q = q[k]));
  }
  return draft.map((f, i) => {
    const classification = classify({ n: f.n, differencePoints: f.difference, q: f.q });
    const facts = { ...f, question: tallies[i].question, classification };
    return { ...f, classification, sentence: findingSentence(facts), easyRead: findingEasyRead(facts) };
  });
}

function measure(t: Tally, benchmark: Benchmark): Omit<Finding, "classification" | "sentence" | "easyRead"> {
  const base = { id: findingId(t.question.code, t.group), question: t.question.code, group: t.group, n: t.n, positive: t.positive };
  const reference = findBenchmarkValue(benchmark, t.question.code, t.group);
  const national = reference?.percent ?? null;
  const nationalN = reference?.n ?? null;
  const interval = wilsonInterval(t.positive, t.n);
  if (t.n === 0 || interval === null) {
    return { ...base, percent: null, ciLow: null, ciHigh: null, national, nationalN, difference: null, p: null, q: null };
  }
  const percent = (100 * t.positive) / t.n;
  const test =
    national === null ? null : nationalN !== null ? twoProportionTest(t.positive, t.n, national / 100, nationalN) : oneSampleScoreTest(t.positive, t.n, national / 100);
  return {
    ...base,
    percent,
    ciLow: 100 * interval.low,
    ciHigh: 100 * interval.high,
    national,
    nationalN,
    difference: national === null ? null : percent - national,
    p: test?.p ?? null,
    q: null,
  };
}
