import type { Question } from "./questionSet";
import type { Classification } from "./stats/classify";

const among: Record<string, string> = {
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
  q: number | null;
  classification: Classification;
};

const whole = (value: number) => `${Math.round(value)}%`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/** One plain-English sentence saying how this group here compares with England on one question. */
export function findingSentence(f: FindingFacts): string {
  const prefix = f.group === "all" ? "" : `${among[f.group] ?? `in group ${f.group}`}, `;
  const phrase = f.question.positivePhrase;
  if (f.classification === "too-few") {
    if (f.n === 0) return capitalise(`${prefix}nobody gave an answer other than "don't know" or a blank, so there is nothing to compare with England.`);
    return capitalise(`${prefix}only ${people(f.n)} answered, too few to compare with England: ${f.positive} of them ${phrase}.`);
  }
  const here = whole(f.percent ?? 0);
  if (f.classification === "no-benchmark" || f.national === null) {
    return capitalise(`${prefix}${here} of people here ${phrase}; there is no national figure to compare with.`);
  }
  const figures = `${here} against ${whole(f.national)}`;
  const direction = (f.percent ?? 0) >= f.national ? "more" : "fewer";
  if (f.classification === "strength") return capitalise(`${prefix}more people here than across England ${phrase}: ${figures}.`);
  if (f.classification === "weakness") return capitalise(`${prefix}fewer people here than across England ${phrase}: ${figures}.`);
  if (Math.round(f.percent ?? 0) === Math.round(f.national)) return capitalise(`${prefix}about as many people here as across England ${phrase}: ${figures}.`);
  const why = f.q !== null && f.q < 0.05 ? "a difference of under 5 points" : "a difference that could be chance";
  return capitalise(`${prefix}slightly ${direction} people here than across England ${phrase}: ${figures}, ${why}.`);
}

/** The same finding in easy read: short sentences, simple words, numbers "in every 100". */
export function findingEasyRead(f: FindingFacts): string {
  const about = f.group === "all" ? "" : `This is about ${easyAbout[f.group] ?? (among[f.group] ?? f.group).replace(/^among /, "")}. `;
  if (f.classification === "too-few") return `${about}Only ${people(f.n)} answered. That is too few to know.`;
  const here = `In our area, ${Math.round(f.percent ?? 0)} in every 100 people ${f.question.easyPhrase}.`;
  if (f.classification === "no-benchmark" || f.national === null) return `${about}${here} We do not have a number for England.`;
  const england = `In England it is ${Math.round(f.national)} in every 100.`;
  const verdict =
    f.classification === "strength" ? "We are doing better than England." : f.classification === "weakness" ? "We are doing worse than England." : "This is about the same as England.";
  return `${about}${here} ${england} ${verdict}`;
}

/** One plain sentence about a process → outcome link, e.g. "People who knew their budget amount were 2.4 times as likely to say …". */
export function linkSentence(link: { conditionPhrase: string; outcome: Question; oddsRatio: number; ciLow: number; ciHigh: number }): string {
  const say = link.outcome.positivePhrase.replace(/^said /, "say ");
  const ci = `(95% interval ${link.ciLow.toFixed(1)} to ${link.ciHigh.toFixed(1)})`;
  const chance = link.ciLow <= 1 && link.ciHigh >= 1 ? " This could be chance." : "";
  if (link.oddsRatio >= 1) {
    return `People who ${link.conditionPhrase} were ${link.oddsRatio.toFixed(1)} times as likely to ${say} ${ci}.${chance}`;
  }
  return `People who ${link.conditionPhrase} were less likely to ${say}: ${link.oddsRatio.toFixed(1)} times the odds ${ci}.${chance}`;
}
