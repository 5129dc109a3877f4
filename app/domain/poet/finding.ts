import { findBenchmarkValue, type Benchmark, type BenchmarkValue } from "./benchmark";
import { findingId } from "./findingId";
import type { Question } from "./questionSet";
import { findingEasyRead, findingSentence } from "./sentences";
import { benjaminiHochberg } from "./stats/benjaminiHochberg";
import { classify, MIN_ANSWERS, type Classification } from "./stats/classify";
import { compareWithNational, type TestMethod } from "./stats/compare";
import { wilsonInterval } from "./stats/wilson";

/**
 * What one question says about one group here, against England. Percentages and differences are 0–100.
 * `withheld`: fewer people answered than the council's disclosure threshold, so `n`, `positive` and every
 * figure are null and only the row is shown.
 */
export type Finding = {
  id: string;
  question: string;
  group: string;
  n: number | null;
  positive: number | null;
  percent: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** England's figure; for a published band, the band's edge the figure is tested against. */
  national: number | null;
  nationalN: number | null;
  /** England's figure as published: "67%", "over 80%", "at least two thirds". */
  nationalText: string | null;
  /** A band's edges (0–100); both null for a single national figure. */
  nationalLow: number | null;
  nationalHigh: number | null;
  difference: number | null;
  p: number | null;
  q: number | null;
  /** Which test gave p: the score or two-proportion z-test, or an exact mid-p test for small expected counts. */
  test: TestMethod | null;
  classification: Classification;
  withheld: boolean;
  sentence: string;
  easyRead: string;
};

/** Positive answers out of those who gave a real answer, for one question and group; `asked`: people the question was put to (n when unknown). */
export type Tally = { question: Question; group: string; positive: number; n: number; asked?: number };

/** What the council decided about small numbers: groups with fewer answers than this are not shown. */
export type DisclosureRule = { threshold: number };

export const DEFAULT_DISCLOSURE_THRESHOLD = 10;

type Draft = Omit<Finding, "classification" | "sentence" | "easyRead" | "withheld">;

/**
 * Turns the tallies of one round into findings. The q-values are Benjamini–Hochberg over every tested
 * finding of the round — every group and question a round page can show — so the false discovery rate
 * holds for the page a person reads, not for one group at a time (docs/method.md §4, ADR 013).
 */
export function buildFindings(tallies: readonly Tally[], benchmark: Benchmark, disclosure: DisclosureRule = { threshold: DEFAULT_DISCLOSURE_THRESHOLD }): Finding[] {
  const draft = tallies.map((t) => measure(t, benchmark));
  // Tested: enough answers to classify and enough to show. Untested findings are not part of the family.
  const testedFrom = Math.max(MIN_ANSWERS, disclosure.threshold);
  const q = benjaminiHochberg(draft.map((f) => ((f.n ?? 0) >= testedFrom ? f.p : null)));
  return draft.map((f, i) => {
    // Withheld under the threshold; "nobody gave a real answer" may still be said of a group big enough to show.
    const t = tallies[i];
    const withheld = t.n < disclosure.threshold && !(t.n === 0 && (t.asked ?? 0) >= disclosure.threshold);
    if (withheld) return withhold(f, tallies[i].question, disclosure.threshold);
    const tested = { ...f, q: q[i] };
    const classification = classify({ n: f.n ?? 0, differencePoints: f.difference, q: tested.q });
    const nationalEasyText = findBenchmarkValue(benchmark, f.question, f.group)?.band?.easyText ?? null;
    const facts = { ...tested, n: f.n ?? 0, positive: f.positive ?? 0, question: tallies[i].question, classification, nationalEasyText };
    return { ...tested, classification, withheld: false, sentence: findingSentence(facts), easyRead: findingEasyRead(facts) };
  });
}

function withhold(f: Draft, question: Question, threshold: number): Finding {
  const hidden = { n: null, positive: null, percent: null, ciLow: null, ciHigh: null, difference: null, p: null, q: null, test: null };
  const facts = { ...f, ...hidden, n: 0, positive: 0, question, classification: "too-few" as const, withheld: true, threshold };
  return { ...f, ...hidden, classification: "too-few", withheld: true, sentence: findingSentence(facts), easyRead: findingEasyRead(facts) };
}

/** The point of a band nearest to a local percentage: the value England could have that is least different. */
function nearestNational(value: BenchmarkValue, percent: number): number {
  if (!value.band) return value.percent;
  return Math.min(value.band.high, Math.max(value.band.low, percent));
}

function measure(t: Tally, benchmark: Benchmark): Draft {
  const base = { id: findingId(t.question.code, t.group), question: t.question.code, group: t.group, n: t.n, positive: t.positive };
  const reference = findBenchmarkValue(benchmark, t.question.code, t.group);
  const nationalFacts = {
    nationalN: reference?.n ?? null,
    nationalText: reference ? (reference.band?.text ?? `${Math.round(reference.percent)}%`) : null,
    nationalLow: reference?.band?.low ?? null,
    nationalHigh: reference?.band?.high ?? null,
  };
  const interval = wilsonInterval(t.positive, t.n);
  if (t.n === 0 || interval === null) {
    const national = reference?.percent ?? null;
    return { ...base, ...nationalFacts, percent: null, ciLow: null, ciHigh: null, national, difference: null, p: null, q: null, test: null };
  }
  const percent = (100 * t.positive) / t.n;
  // Against a band, test against its nearest point: inside the band nothing can be said (p = 1).
  const national = reference ? (reference.band ? bandEdge(reference, percent) : reference.percent) : null;
  const nearest = reference ? nearestNational(reference, percent) : null;
  const comparison =
    reference && nearest !== null && nearest !== percent ? compareWithNational(t.positive, t.n, nearest / 100, reference.n) : null;
  const inside = reference !== undefined && nearest === percent;
  return {
    ...base,
    ...nationalFacts,
    percent,
    ciLow: 100 * interval.low,
    ciHigh: 100 * interval.high,
    national,
    difference: national === null ? null : percent - national,
    p: inside ? 1 : (comparison?.p ?? null),
    q: null,
    test: inside ? null : (comparison?.method ?? null),
  };
}

/** The edge of a band a local figure is measured from: the nearer one (the lower edge when inside). */
function bandEdge(value: BenchmarkValue, percent: number): number {
  const band = value.band!;
  if (percent > band.high) return band.high;
  if (percent < band.low) return band.low;
  return band.high >= 100 ? band.low : band.low <= 0 ? band.high : percent - band.low <= band.high - percent ? band.low : band.high;
}
