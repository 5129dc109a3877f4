import type { ProcessCondition, Question, QuestionSet } from "./questionSet";
import type { Respondent } from "./respondentFields";
import { linkSentence } from "./sentences";
import { MIN_ANSWERS } from "./stats/classify";
import { oddsRatio } from "./stats/oddsRatio";

/** How much more likely a good outcome was for people whose process went well (odds ratio, Woolf 95% interval). */
export type ProcessLink = {
  process: string;
  outcome: string;
  oddsRatio: number;
  ciLow: number;
  ciHigh: number;
  n: number;
  sentence: string;
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

/** Every process → outcome link with enough people on each side, strongest evidence first. */
export function findProcessLinks(questionSet: QuestionSet, respondents: readonly Respondent[]): ProcessLink[] {
  const outcomes = questionSet.questions.filter((q) => q.kind !== "process");
  const conditions = questionSet.processConditions.map((c) => ({ condition: c, met: conditionMet(c, questionSet) }));
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
  const links: ProcessLink[] = [];
  conditions.forEach(({ condition }, c) =>
    outcomes.forEach((outcome, o) => {
      const [a, b, cc, d] = cells[c][o];
      const n = a + b + cc + d;
      if (n < MIN_ANSWERS || a + b === 0 || cc + d === 0 || a + cc === 0 || b + d === 0) return;
      const result = oddsRatio({ a, b, c: cc, d });
      const sentence = linkSentence({ conditionPhrase: condition.phrase, outcome, ...result });
      links.push({ process: condition.id, outcome: outcome.code, oddsRatio: result.oddsRatio, ciLow: result.ciLow, ciHigh: result.ciHigh, n, sentence });
    }),
  );
  return links.sort((x, y) => y.ciLow - x.ciLow || y.oddsRatio - x.oddsRatio);
}
