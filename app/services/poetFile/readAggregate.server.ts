import { z } from "zod";
import type { AggregateRow } from "~/domain/poet/analyseRound";
import { groupExamples, matchGroup } from "~/domain/poet/groups";
import { normaliseLabel } from "~/domain/poet/labels";
import type { QuestionSet } from "~/domain/poet/questionSet";
import { mapColumns, unknownColumnsWarning } from "./columns.server";
import { labelCell } from "./labelCell.server";
import type { ProblemList } from "./problemList.server";
import type { RawTable } from "./rawTable.server";

export type AggregateSummary = { rows: number; questions: number; groups: number; text: string };

const count = z.string().transform((raw, ctx) => {
  const text = raw.trim().replace(/,/g, "");
  if (/^\d+$/.test(text)) return Number(text);
  ctx.addIssue({ code: "custom", message: `'${raw.trim()}' is not a whole number of people — expected a number such as 0, 12 or 431.` });
  return z.NEVER;
});

/** Checks every row of a report table (`question, group, positive, total`); problems go to the list. */
export function readAggregate(table: RawTable, questionSet: QuestionSet, problems: ProblemList): { rows: AggregateRow[]; warnings: string[]; summary: AggregateSummary } {
  const columns = mapColumns(table.headings, ["question", "group", "positive", "total"], problems);
  const codes = questionSet.questions.map((q) => q.code);
  const byKey = new Map(codes.map((c) => [normaliseLabel(c), c]));
  const schema = z
    .object({
      question: labelCell({ what: `a question code in ${questionSet.version}`, expected: [...codes.slice(0, 4), "…"], match: (t) => byKey.get(normaliseLabel(t)), required: true }),
      group: labelCell({ what: `a group of ${questionSet.version}`, expected: groupExamples(questionSet), match: (t) => matchGroup(t, questionSet) }),
      positive: count,
      total: count,
    })
    .superRefine((r, ctx) => {
      // 0 of 0 has no percentage: every figure drawn from it would be a division by zero.
      if (r.total === 0) ctx.addIssue({ code: "custom", path: ["total"], message: `a total of 0 people cannot give a percentage — leave this row out if nobody answered ${r.question}, or enter how many people answered.` });
      else if (r.positive > r.total) ctx.addIssue({ code: "custom", path: ["positive"], message: `'${r.positive}' is more than the total of ${r.total} — positive answers are part of the total.` });
    });
  const seen = new Map<string, number>();
  const rows: AggregateRow[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (name: string) => cells[columns.index.get(name) ?? -1] ?? "";
    const parsed = schema.safeParse({ question: cell("question"), group: cell("group"), positive: cell("positive"), total: cell("total") });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0]);
        const value = cell(name).trim();
        problems.cell(row, table.headings[columns.index.get(name) ?? -1] ?? name, value, issue.message);
      }
      continue;
    }
    const { question, group, positive, total } = parsed.data;
    const key = `${question}~${group ?? "all"}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.cell(row, "question", cells[columns.index.get("question") ?? 0], `${question} for ${group ?? "all"} is already given on row ${earlier}.`);
      continue;
    }
    seen.set(key, row);
    rows.push({ question: question ?? "", group: group ?? "all", positive, total });
  }
  const questions = new Set(rows.map((r) => r.question)).size;
  const groups = new Set(rows.map((r) => r.group)).size;
  return { rows, warnings: unknownColumnsWarning(columns.unknown), summary: { rows: rows.length, questions, groups, text: `${rows.length} rows: ${questions} questions in ${groups} ${groups === 1 ? "group" : "groups"}` } };
}
