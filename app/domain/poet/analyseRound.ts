import type { Benchmark } from "./benchmark";
import { buildFindings, DEFAULT_DISCLOSURE_THRESHOLD, type Finding, type Tally } from "./finding";
import { findGroup, groupsOf, personGroups } from "./groups";
import { answerVerdict, findProcessLinks, type ProcessLink } from "./links";
import type { QuestionSet } from "./questionSet";
import type { Respondent } from "./respondentFields";

/** One row of a report table: `positive` of `total` people in `group` gave a good answer to `question`. */
export type AggregateRow = { question: string; group: string; positive: number; total: number };

/** `questionsInFile`: the question columns the file had, when known; questions outside it are "not in this file", not "no answers". */
export type RoundData =
  | { kind: "respondents"; respondents: readonly Respondent[]; questionsInFile?: readonly string[] }
  | { kind: "aggregate"; rows: readonly AggregateRow[] };

/**
 * A group present in the round; `people` is null for aggregate files, which do not say, and for groups
 * smaller than the disclosure threshold, where `fewerThan` holds the threshold instead.
 */
export type GroupSummary = { id: string; label: string; people: number | null; fewerThan?: number };

/** Groups or link sides with fewer people than `disclosureThreshold` are not shown (a council setting, default 10). */
export type AnalysisOptions = { disclosureThreshold?: number };

/** `notInFile`: question codes the file had no column for (not compared, not linked); empty when not known. */
export type RoundAnalysis = { findings: Finding[]; links: ProcessLink[]; groups: GroupSummary[]; notInFile?: string[] };

/** Compares one round with England for everyone and each group, and links process to outcomes. */
export function analyseRound(questionSet: QuestionSet, data: RoundData, benchmark: Benchmark, options: AnalysisOptions = {}): RoundAnalysis {
  const threshold = options.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  if (data.kind === "aggregate") return analyseAggregate(questionSet, data.rows, benchmark, threshold);
  const allGroups = groupsOf(questionSet);
  const groupIndex = new Map(allGroups.map((g, i) => [g.id, i]));
  const inFile = data.questionsInFile && data.questionsInFile.length > 0 ? new Set(data.questionsInFile) : null;
  const questions = inFile ? questionSet.questions.filter((q) => inFile.has(q.code)) : questionSet.questions;
  const notInFile = inFile ? questionSet.questions.filter((q) => !inFile.has(q.code)).map((q) => q.code) : [];
  const verdicts = questions.map(answerVerdict);
  const people = allGroups.map(() => 0);
  // asked[g][q]: people in the group the question was put to; positive and n count real answers.
  const asked = allGroups.map(() => questions.map(() => 0));
  const n = allGroups.map(() => questions.map(() => 0));
  const positive = allGroups.map(() => questions.map(() => 0));
  for (const person of data.respondents) {
    const groups = personGroups(person, questionSet).map((id) => groupIndex.get(id) ?? -1).filter((g) => g >= 0);
    for (const g of groups) people[g]++;
    questions.forEach((question, q) => {
      if (!question.surveys.includes(person.survey)) return;
      const verdict = verdicts[q](person.answers[question.code]);
      for (const g of groups) {
        asked[g][q]++;
        if (verdict === null) continue;
        n[g][q]++;
        if (verdict) positive[g][q]++;
      }
    });
  }
  const tallies: Tally[] = [];
  allGroups.forEach((group, g) =>
    questions.forEach((question, q) => {
      if (asked[g][q] > 0) tallies.push({ question, group: group.id, positive: positive[g][q], n: n[g][q], asked: asked[g][q] });
    }),
  );
  return {
    findings: buildFindings(tallies, benchmark, { threshold }),
    links: findProcessLinks(questionSet, data.respondents, threshold, inFile ?? undefined),
    groups: allGroups.flatMap((group, g): GroupSummary[] => {
      if (people[g] === 0) return [];
      if (people[g] < threshold) return [{ id: group.id, label: group.label, people: null, fewerThan: threshold }];
      return [{ id: group.id, label: group.label, people: people[g] }];
    }),
    notInFile,
  };
}

function analyseAggregate(questionSet: QuestionSet, rows: readonly AggregateRow[], benchmark: Benchmark, threshold: number): RoundAnalysis {
  const order = new Map(questionSet.questions.map((q, i) => [q.code, i]));
  const groupOrder = new Map(groupsOf(questionSet).map((g, i) => [g.id, i]));
  const tallies: Tally[] = [];
  for (const row of rows) {
    const question = questionSet.questions.find((q) => q.code === row.question);
    if (question) tallies.push({ question, group: row.group, positive: row.positive, n: row.total });
  }
  tallies.sort((a, b) => (groupOrder.get(a.group) ?? 99) - (groupOrder.get(b.group) ?? 99) || (order.get(a.question.code) ?? 0) - (order.get(b.question.code) ?? 0));
  const groupIds = [...new Set(tallies.map((t) => t.group))];
  return {
    findings: buildFindings(tallies, benchmark, { threshold }),
    links: [],
    groups: groupIds.map((id) => ({ id, label: findGroup(id, questionSet)?.label ?? id, people: null })),
  };
}
