import type { ProcessCondition, Question, QuestionSet } from "./questionSet";
import type { Respondent } from "./respondentFields";
import { linkDetail, linkSentence } from "./sentences";
import { benjaminiHochberg } from "./stats/benjaminiHochberg";
import { FALSE_DISCOVERY_RATE, MIN_ANSWERS } from "./stats/classify";
import { fisherMidP } from "./stats/exact";
import { oddsRatio } from "./stats/oddsRatio";

/** Good outcomes among the people on one side of a link: `good` of `total`. */
export type LinkSide = { good: number; total: number };

/**
 * How a good outcome went with a process condition. `withCondition` and `withoutCondition` are the plain
 * counts the sentence leads with; `riskRatio` is the ratio of their shares (null when nobody on the
 * "without" side had a good outcome). The odds ratio and its Woolf 95% interval are the detail. `p` is an
 * exact (Fisher mid-p) test of no link; `q` is Benjamini–Hochberg across every link of the round, and a
 * link is `claimed` (said to be real) only when q < 0.05.
 */
export type ProcessLink = {
  process: string;
  outcome: string;
  oddsRatio: number;
  ciLow: number;
  ciHigh: number;
  n: number;
  sentence: string;
  withCondition: LinkSide;
  withoutCondition: LinkSide;
  riskRatio: number | null;
  /** True when a cell was empty, so the odds ratio is only an estimate after adding 0.5 to every cell. */
  oddsRatioCorrected: boolean;
  p: number;
  q: number;
  claimed: boolean;
  detail: string;
};

type Verdict = (answer: string | undefined) => boolean | null;

/** Reads one answer as positive (true), not positive (false) or not counted (null: blank or don't know). */
export function answerVerdict(question: Question): Verdict {
  const positive = new Set(question.positive);
  const counted = new Set(question.scale.options.filter((o) => o.counts).map((o) => o.id));
  return (answer) => (answer === undefined || !counted.has(answer) ? null : positive.has(answer));
}

/** Whether a person met a process condition: true when most of the condition's questions they answered were positive. */
export function conditionMet(condition: ProcessCondition, questionSet: QuestionSet): (person: Respondent) => boolean | null {
  const parts = condition.questions.map((code) => {
    const question = questionSet.questions.find((q) => q.code === code);
    if (!question) throw new Error(`Process condition ${condition.id} names unknown question ${code}`);
    return { code, verdict: answerVerdict(question) };
  });
  return (person) => {
    let answered = 0;
    let positive = 0;
    for (const part of parts) {
      const v = part.verdict(person.answers[part.code]);
      if (v === null) continue;
      answered++;
      if (v) positive++;
    }
    return answered === 0 ? null : positive * 2 > answered;
  };
}

/**
 * Every process → outcome link with at least 10 people on each side (more when the council's disclosure
 * threshold is higher, so the counts can always be shown), tested together: claimed links first, surest first.
 */
export function findProcessLinks(questionSet: QuestionSet, respondents: readonly Respondent[], disclosureThreshold = MIN_ANSWERS, inFile?: ReadonlySet<string>): ProcessLink[] {
  const present = (code: string) => !inFile || inFile.has(code);
  const outcomes = questionSet.questions.filter((q) => q.kind !== "process" && present(q.code));
  const conditions = questionSet.processConditions.filter((c) => c.questions.some(present)).map((c) => ({ condition: c, met: conditionMet(c, questionSet) }));
  const verdicts = outcomes.map(answerVerdict);
  // cells[c][o] = [a, b, c, d] as in TwoByTwo
  const cells = conditions.map(() => outcomes.map(() => [0, 0, 0, 0]));
  for (const person of respondents) {
    const outcomeValues = outcomes.map((q, o) => (q.surveys.includes(person.survey) ? verdicts[o](person.answers[q.code]) : null));
    conditions.forEach(({ met }, c) => {
      const m = met(person);
      if (m === null) return;
      outcomeValues.forEach((good, o) => {
        if (good === null) return;
        cells[c][o][(m ? 0 : 2) + (good ? 0 : 1)]++;
      });
    });
  }
  return linksFromCells(
    conditions.map((c) => c.condition),
    outcomes,
    cells,
    disclosureThreshold,
  );
}

/**
 * The links from their 2×2 tables: cells[c][o] = [a, b, c, d] for condition c and outcome o. Kept apart from
 * the counting so a round's tally (roundTally.ts) can keep the tables and add people to them one by one.
 */
export function linksFromCells(conditions: readonly ProcessCondition[], outcomes: readonly Question[], cells: readonly (readonly number[])[][], disclosureThreshold = MIN_ANSWERS): ProcessLink[] {
  const minSide = Math.max(MIN_ANSWERS, disclosureThreshold);
  type Draft = Omit<ProcessLink, "q" | "claimed" | "sentence" | "detail"> & { condition: ProcessCondition; question: Question };
  const drafts: Draft[] = [];
  conditions.forEach((condition, c) =>
    outcomes.forEach((outcome, o) => {
      const [a, b, cc, d] = cells[c][o];
      const n = a + b + cc + d;
      if (a + b < minSide || cc + d < minSide) return;
      const result = oddsRatio({ a, b, c: cc, d });
      drafts.push({
        process: condition.id,
        outcome: outcome.code,
        oddsRatio: result.oddsRatio,
        ciLow: result.ciLow,
        ciHigh: result.ciHigh,
        n,
        withCondition: { good: a, total: a + b },
        withoutCondition: { good: cc, total: cc + d },
        // Ratio of shares from whole counts, so 35/50 against 20/50 is exactly 1.75.
        riskRatio: cc > 0 ? (a * (cc + d)) / (cc * (a + b)) : null,
        oddsRatioCorrected: result.corrected,
        p: fisherMidP({ a, b, c: cc, d }),
        condition,
        question: outcome,
      });
    }),
  );
  const q = benjaminiHochberg(drafts.map((l) => l.p));
  const links = drafts.map(({ condition, question, ...link }, i): ProcessLink => {
    const qValue = q[i] ?? 1;
    const claimed = qValue < FALSE_DISCOVERY_RATE;
    const facts = { ...link, conditionPhrase: condition.phrase, outcome: question, claimed, q: qValue };
    return { ...link, q: qValue, claimed, sentence: linkSentence(facts), detail: linkDetail(facts) };
  });
  return links.sort((x, y) => Number(y.claimed) - Number(x.claimed) || x.q - y.q || x.p - y.p || y.oddsRatio - x.oddsRatio);
}
