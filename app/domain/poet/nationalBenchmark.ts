import type { Benchmark, BenchmarkValue, NationalBand } from "./benchmark";

// Every figure here is traceable to a published report named in docs/method.md §8 (the `basis` says
// which). A report that gave a band ("over 80%", "at least two thirds") is kept as a band: England's
// figure is somewhere in it, so a council is compared with the band's nearer edge and is never called
// better than England when England could be higher still. Items with no published figure are left out,
// so they show "no national figure" instead of a made-up value. Per-item national sample sizes were not
// published, so n is null throughout.
type Figure = { question: string; basis: string } & ({ percent: number } | { band: NationalBand });

const twoThirds = 200 / 3;
const atLeastTwoThirds: NationalBand = { low: twoThirds, high: 100, text: "at least two thirds", easyText: "at least 2 in every 3" };
const overTwoThirds: NationalBand = { low: twoThirds, high: 100, text: "over two thirds", easyText: "more than 2 in every 3" };
const over = (edge: number): NationalBand => ({ low: edge, high: 100, text: `over ${edge}%`, easyText: `more than ${edge} in every 100` });
const THIRD_SURVEY = "2014 third national survey";
const SECOND_SURVEY = "2013 second POET survey";
const REPORT_2017 = "2017 POET report for adults in receipt of social care support (In Control)";

const figures: Figure[] = [
  { question: "O_DIGNITY", band: over(80), basis: `${THIRD_SURVEY}: more than 80% better or a lot better` },
  { question: "O_QOL", band: over(80), basis: `${THIRD_SURVEY}: more than 80% better or a lot better` },
  { question: "O_INDEPENDENCE", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds (2013: over 70%)` },
  { question: "O_ARRANGE_SUPPORT", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds (2013: over 70%)` },
  { question: "O_PHYSICAL_HEALTH", band: over(60), basis: `${SECOND_SURVEY}: over 60% a positive impact` },
  { question: "O_MENTAL_WELLBEING", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds` },
  { question: "O_CONTROL_LIFE", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds` },
  { question: "O_CONTROL_SUPPORT", band: over(60), basis: `${SECOND_SURVEY}: over 60% a positive impact` },
  { question: "O_SAFE", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds (2013: about 50%)` },
  { question: "O_PAID_SUPPORTERS", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds (2013: about 50%)` },
  { question: "O_FAMILY", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds` },
  { question: "O_FRIENDS", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds` },
  { question: "O_SELF_ESTEEM", band: atLeastTwoThirds, basis: `${THIRD_SURVEY}: at least two thirds` },
  {
    question: "O_JOB",
    band: { low: 0, high: 20, text: "under 20%", easyText: "fewer than 20 in every 100" },
    basis: `${SECOND_SURVEY}: over 80% no difference, so under 20% better`,
  },
  { question: "C_WELL", band: overTwoThirds, basis: `${THIRD_SURVEY}, carers: more than two thirds` },
  { question: "C_CONTINUE", band: overTwoThirds, basis: `${THIRD_SURVEY}, carers: more than two thirds` },
  { question: "C_QOL", band: overTwoThirds, basis: `${THIRD_SURVEY}, carers: more than two thirds` },
  { question: "C_CARED_QOL", band: overTwoThirds, basis: `${THIRD_SURVEY}, carers: more than two thirds` },
  {
    question: "P_INFO",
    percent: 63,
    basis: `${REPORT_2017}: 63% rated their support good or very good for information and advice (a rating of the support, not of how easy it was: the nearest published figure)`,
  },
  { question: "P_PLANNING", percent: 60, basis: `${SECOND_SURVEY}: planning and managing support easy or very easy, 60%` },
  { question: "P_CONTROL_MONEY", percent: 60, basis: `${SECOND_SURVEY}: controlling spending easy or very easy, 60%` },
  { question: "P_GET_SUPPORT", percent: 57, basis: `${SECOND_SURVEY}: getting the support wanted easy or very easy, 57%` },
  { question: "P_VIEWS_INCLUDED", percent: 80, basis: `${REPORT_2017}: 80% said their views were fully or mostly included when their support was planned` },
  { question: "P_KNEW_AMOUNT", percent: 50, basis: `${REPORT_2017}: 50% were aware of the amount of money in their personal budget when their support was planned` },
];

const PHB_2014 = "2014 POET survey of personal health budget holders";

/** The one published national figure for personal health budgets that matches a question of `health-budget-v1`. */
const healthBudgetFigures: Figure[] = [{ question: "H_QOL", percent: 86, basis: `${PHB_2014}: 86% of 129 holders reported an improved quality of life` }];

/** Questions of `adult-2014` with no published national figure: they show "no national figure". */
export const NO_NATIONAL_FIGURE: readonly string[] = ["O_HOME", "O_VOLUNTEER", "P_ASSESSMENT", "P_HELP_TO_PLAN", "P_COUNCIL_SUPPORTIVE"];

/** Where each shipped national figure comes from, by question code. */
export const nationalFigureBasis: Readonly<Record<string, string>> = Object.fromEntries([...figures, ...healthBudgetFigures].map((f) => [f.question, f.basis]));

function toValue(figure: Figure): BenchmarkValue {
  if ("percent" in figure) return { question: figure.question, group: "all", percent: figure.percent, n: null };
  const { band } = figure;
  return { question: figure.question, group: "all", percent: band.high >= 100 ? band.low : band.high, n: null, band };
}

/** The shipped, approximate national benchmark for `adult-2014`: for orientation until a council loads real figures. */
export const approximateNationalAdult2014: Benchmark = {
  name: "England (approximate, from published POET summaries)",
  questionSetVersion: "adult-2014",
  approximate: true,
  source:
    "Approximate figures from the published 2013, 2014 and 2017 national POET reports (In Control, Lancaster University, " +
    "TLAP). Where a report gave a band such as 'over 80%' we compare with the band, and never call a council better than " +
    "England when England could be higher still. Five questions have no published figure and show none. Not official " +
    "data: load your own benchmark file where you have one.",
  values: figures.map(toValue),
};


/** Shipped benchmark for `health-budget-v1`: one published figure; every other question shows "no national figure". */
export const approximateNationalHealthBudgets: Benchmark = {
  name: "England (approximate, from published POET summaries)",
  questionSetVersion: "health-budget-v1",
  approximate: true,
  source:
    "The 2014 POET survey included 129 personal health budget holders and 101 carers in 22 of 211 clinical commissioning " +
    "groups; its published summary gives one figure we can match (quality of life, 86%). Every other question has no " +
    "published national figure and shows none. Load your own benchmark file where you have one.",
  values: healthBudgetFigures.map(toValue),
};

/** Shipped benchmark for `children-v1`: no national figure was published for any question, so every question shows none. */
export const approximateNationalChildren: Benchmark = {
  name: "England (no published figures)",
  questionSetVersion: "children-v1",
  approximate: true,
  source: "No national figures for the children's services POET survey were published that we could find, so no question is compared with England. Load your own benchmark file where you have one.",
  values: [],
};

/** Shipped benchmarks, keyed by question-set version: one for every question set. */
export const nationalBenchmarks: Readonly<Record<string, Benchmark>> = {
  "adult-2014": approximateNationalAdult2014,
  "children-v1": approximateNationalChildren,
  "health-budget-v1": approximateNationalHealthBudgets,
};
