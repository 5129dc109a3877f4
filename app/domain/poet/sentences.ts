import type { Question } from "./questionSet";
import type { Classification } from "./stats/classify";

export const among: Record<string, string> = {
  "survey:holder": "among budget holders",
  "survey:carer": "among carers",
  "age:18-64": "among people aged 18 to 64",
  "age:65-plus": "among people aged 65 and over",
  "reason:physical": "among people who need physical support",
  "reason:sensory": "among people who need sensory support",
  "reason:memory-cognition": "among people who need support with memory and cognition",
  "reason:learning-disability": "among people with a learning disability",
  "reason:mental-health": "among people who need mental health support",
  "reason:social-support": "among people who need social support",
  "budget:direct-payment": "among people who take a direct payment",
  "budget:direct-payment-family": "among people whose direct payment is run by family or a friend",
  "budget:provider-managed": "among people with an individual service fund",
  "budget:council-managed": "among people whose budget the council manages",
  "budget:broker": "among people whose budget a broker manages",
};

const easyAbout: Record<string, string> = {
  "survey:holder": "people who have a budget",
  "survey:carer": "carers",
  "age:18-64": "people aged 18 to 64",
  "age:65-plus": "people aged 65 and over",
  "reason:learning-disability": "people with a learning disability",
};

/** The numbers a sentence about a finding needs; percentages are 0–100. */
export type FindingFacts = {
  question: Question;
  group: string;
  n: number;
  positive: number;
  percent: number | null;
  national: number | null;
  nationalText?: string | null;
  nationalLow?: number | null;
  nationalHigh?: number | null;
  q: number | null;
  classification: Classification;
  /** Fewer people than the council's disclosure threshold answered: say so, show nothing else. */
  withheld?: boolean;
  threshold?: number;
};

const whole = (value: number) => `${Math.round(value)}%`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);
const isBand = (f: FindingFacts) => f.nationalLow !== null && f.nationalLow !== undefined && f.nationalHigh !== null && f.nationalHigh !== undefined;

/** One plain-English sentence saying how this group here compares with England on one question. */
export function findingSentence(f: FindingFacts): string {
  const prefix = f.group === "all" ? "" : `${among[f.group] ?? `in group ${f.group}`}, `;
  const phrase = f.question.positivePhrase;
  if (f.withheld) return capitalise(`${prefix}fewer than ${f.threshold ?? 10} people answered, so their answers are not shown.`);
  if (f.classification === "too-few") {
    if (f.n === 0) return capitalise(`${prefix}nobody gave an answer other than "don't know" or a blank, so there is nothing to compare with England.`);
    return capitalise(`${prefix}only ${people(f.n)} answered, too few to compare with England: ${f.positive} of them ${phrase}.`);
  }
  const here = whole(f.percent ?? 0);
  if (f.classification === "no-benchmark" || f.national === null) {
    return capitalise(`${prefix}${here} of people here ${phrase}; there is no national figure to compare with.`);
  }
  const englandText = f.nationalText ?? whole(f.national);
  const figures = `${here} against ${englandText}`;
  if (f.classification === "strength") return capitalise(`${prefix}more people here than across England ${phrase}: ${figures}.`);
  if (f.classification === "weakness") return capitalise(`${prefix}fewer people here than across England ${phrase}: ${figures}.`);
  const percent = f.percent ?? 0;
  if (isBand(f) && percent >= (f.nationalLow ?? 0) && percent <= (f.nationalHigh ?? 100)) {
    return capitalise(`${prefix}${here} of people here ${phrase}, within England's published figure of ${englandText}.`);
  }
  const direction = percent >= f.national ? "more" : "fewer";
  if (!isBand(f) && Math.round(percent) === Math.round(f.national)) return capitalise(`${prefix}about as many people here as across England ${phrase}: ${figures}.`);
  const why = f.q !== null && f.q < 0.05 ? "a difference of under 5 points" : "a difference that could be chance";
  return capitalise(`${prefix}slightly ${direction} people here than across England ${phrase}: ${figures}, ${why}.`);
}

/** The same finding in easy read: short sentences, simple words, numbers "in every 100". */
export function findingEasyRead(f: FindingFacts & { nationalEasyText?: string | null }): string {
  const about = f.group === "all" ? "" : `This is about ${easyAbout[f.group] ?? (among[f.group] ?? f.group).replace(/^among /, "")}. `;
  if (f.withheld) return `${about}Fewer than ${f.threshold ?? 10} people answered. We do not show their answers.`;
  if (f.classification === "too-few") return `${about}Only ${people(f.n)} answered. That is too few to know.`;
  const here = `In our area, ${Math.round(f.percent ?? 0)} in every 100 people ${f.question.easyPhrase}.`;
  if (f.classification === "no-benchmark" || f.national === null) return `${about}${here} We do not have a number for England.`;
  const england = `In England it is ${f.nationalEasyText ?? `${Math.round(f.national)} in every 100`}.`;
  const verdict =
    f.classification === "strength" ? "We are doing better than England." : f.classification === "weakness" ? "We are doing worse than England." : "This is about the same as England.";
  return `${about}${here} ${england} ${verdict}`;
}

/** What a sentence about a process → outcome link needs. */
export type LinkFacts = {
  conditionPhrase: string;
  outcome: Question;
  withCondition: { good: number; total: number };
  withoutCondition: { good: number; total: number };
  riskRatio: number | null;
  oddsRatio: number;
  ciLow: number;
  ciHigh: number;
  oddsRatioCorrected: boolean;
  p: number;
  q?: number;
  claimed: boolean;
};

const share = (side: { good: number; total: number }) => `${Math.round((100 * side.good) / side.total)}%`;
const ratio = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

/**
 * One plain sentence about a process → outcome link, led by the counts: "35 of 50 people who knew their
 * budget amount said …, against 20 of 50 who did not (40%): 1.8 times the share." Counts and shares say
 * what happened without the odds ratio's overstatement when good outcomes are common, and stay true when
 * one side has nobody with (or without) a good outcome.
 */
export function linkSentence(link: LinkFacts): string {
  const { withCondition: yes, withoutCondition: no } = link;
  const counts = `${yes.good} of ${yes.total} people who ${link.conditionPhrase} ${link.outcome.positivePhrase} (${share(yes)}), against ${no.good} of ${no.total} who did not (${share(no)})`;
  const rr = link.riskRatio;
  // Worded from the ratio as printed, so "1.0 times" never appears.
  const printed = rr === null ? null : ratio(rr);
  const comparison =
    rr === null ? "" : printed === "1.0" ? ": about the same share" : rr > 1 ? `: ${printed} times the share` : `: a smaller share (${printed} times)`;
  const chance = link.claimed ? "" : " This could be chance.";
  return `${counts}${comparison}.${chance}`;
}

/** The statistics behind a link sentence: the odds ratio with its interval (unless a cell was empty), p and q. */
export function linkDetail(link: LinkFacts): string {
  const odds = link.oddsRatioCorrected
    ? "Odds ratio not given: on one side everyone, or nobody, had a good outcome, so it cannot be estimated"
    : `Odds ratio ${ratio(link.oddsRatio)} (95% interval ${ratio(link.ciLow)} to ${ratio(link.ciHigh)})`;
  const test = `p = ${link.p < 0.001 ? "below 0.001" : link.p.toFixed(3)}${link.q === undefined ? "" : `, q = ${link.q < 0.001 ? "below 0.001" : link.q.toFixed(3)} across every link of this round`}`;
  return `${odds}; ${test}.`;
}
