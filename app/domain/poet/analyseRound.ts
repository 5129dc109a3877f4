import type { Benchmark } from "./benchmark";
import { buildFindings, DEFAULT_DISCLOSURE_THRESHOLD, type Tally } from "./finding";
import { findGroup, groupsOf } from "./groups";
import type { QuestionSet } from "./questionSet";
import type { Respondent } from "./respondentFields";
import { RoundTally, type AnalysisOptions, type RoundAnalysis } from "./roundTally";

/** One row of a report table: `positive` of `total` people in `group` gave a good answer to `question`. */
export type AggregateRow = { question: string; group: string; positive: number; total: number };

/** `questionsInFile`: the question columns the file had, when known; questions outside it are "not in this file", not "no answers". */
export type RoundData =
  | { kind: "respondents"; respondents: readonly Respondent[]; questionsInFile?: readonly string[] }
  | { kind: "aggregate"; rows: readonly AggregateRow[] };

export type { AnalysisOptions, GroupSummary, RoundAnalysis } from "./roundTally";

/** Compares one round with England for everyone and each group, and links process to outcomes. */
export function analyseRound(questionSet: QuestionSet, data: RoundData, benchmark: Benchmark, options: AnalysisOptions = {}): RoundAnalysis {
  const threshold = options.disclosureThreshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  if (data.kind === "aggregate") return analyseAggregate(questionSet, data.rows, benchmark, threshold);
  // One tally, counted person by person: the same counts the live round page keeps and moves (roundTally.ts).
  const tally = new RoundTally(questionSet, data.questionsInFile);
  for (const person of data.respondents) tally.add(tally.contribution(person));
  return tally.analysis(benchmark, { disclosureThreshold: threshold });
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
