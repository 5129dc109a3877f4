import type { Benchmark } from "./benchmark";

// Percentages read from the public summaries in DOMAIN.md. Where a report gives a band ("over 80%",
// "at least two thirds") we use a figure at the band's lower edge; where nothing was published (marked
// "no figure") we use a cautious middle value. National sample sizes per item were not published, so n is null.
const figures: [question: string, percent: number, basis: string][] = [
  ["O_DIGNITY", 81, "2014: over 80%"],
  ["O_QOL", 81, "2014: over 80%"],
  ["O_INDEPENDENCE", 71, "2014 at least two thirds; 2013 over 70%"],
  ["O_ARRANGE_SUPPORT", 71, "2014 at least two thirds; 2013 over 70%"],
  ["O_PHYSICAL_HEALTH", 61, "2013: over 60%"],
  ["O_MENTAL_WELLBEING", 67, "2014: at least two thirds"],
  ["O_CONTROL_LIFE", 67, "2014: at least two thirds"],
  ["O_CONTROL_SUPPORT", 62, "2013: over 60%"],
  ["O_SAFE", 67, "2014: at least two thirds"],
  ["O_PAID_SUPPORTERS", 67, "2014: at least two thirds"],
  ["O_FAMILY", 67, "2014: at least two thirds"],
  ["O_FRIENDS", 67, "2014: at least two thirds"],
  ["O_SELF_ESTEEM", 67, "2014: at least two thirds"],
  ["O_HOME", 50, "no figure"],
  ["O_JOB", 15, "2013: over 80% no difference"],
  ["O_VOLUNTEER", 15, "no figure; taken as paid work"],
  ["C_WELL", 67, "2014 carers: over two thirds"],
  ["C_CONTINUE", 67, "2014 carers: over two thirds"],
  ["C_QOL", 67, "2014 carers: over two thirds"],
  ["C_CARED_QOL", 67, "2014 carers: over two thirds"],
  ["P_INFO", 63, "2017: information and advice good 63%"],
  ["P_ASSESSMENT", 58, "no figure; near the other ease items"],
  ["P_PLANNING", 60, "2013: 60%"],
  ["P_CONTROL_MONEY", 60, "2013: 60%"],
  ["P_GET_SUPPORT", 57, "2013: 57%"],
  ["P_VIEWS_INCLUDED", 80, "2017: fully or mostly 80%"],
  ["P_KNEW_AMOUNT", 50, "2017: 50%"],
  ["P_HELP_TO_PLAN", 60, "no figure"],
  ["P_COUNCIL_SUPPORTIVE", 60, "no figure"],
];

/** Where each shipped national figure comes from, by question code. */
export const nationalFigureBasis: Readonly<Record<string, string>> = Object.fromEntries(figures.map(([q, , basis]) => [q, basis]));

/** The shipped, approximate national benchmark for `adult-2014`: for orientation until a council loads real figures. */
export const approximateNationalAdult2014: Benchmark = {
  name: "England (approximate, from published POET summaries)",
  questionSetVersion: "adult-2014",
  approximate: true,
  source:
    "Approximate figures read from public In Control / Lancaster University / TLAP summaries of the 2013, 2014 " +
    "and 2017 national POET reports (band edges such as 'over 80%' taken as 81%; a few items with no published " +
    "figure set to cautious middle values). Not official data: load your own benchmark file where you have one.",
  values: figures.map(([question, percent]) => ({ question, group: "all", percent, n: null })),
};

/** Shipped benchmarks, keyed by question-set version. */
export const nationalBenchmarks: Readonly<Record<string, Benchmark>> = { "adult-2014": approximateNationalAdult2014 };
