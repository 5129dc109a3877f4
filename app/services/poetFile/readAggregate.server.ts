import { z } from "zod";
import type { AggregateRow } from "~/domain/poet/analyseRound";
import { decimalText } from "~/domain/poet/benchmark";
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

const percentage = z.string().transform((raw, ctx) => {
  const text = decimalText(raw.trim().replace(/\s*%$/, ""));
  const value = Number(text);
  if (text !== "" && Number.isFinite(value) && value >= 0 && value <= 100) return value;
  ctx.addIssue({ code: "custom", message: `'${raw.trim()}' is not a percentage — expected a number from 0 to 100, such as 81 or 81.5.` });
  return z.NEVER;
});

/**
 * Checks every row of a report table (`question, group, positive, total`, or `question, group, percent, n`,
 * where the count of good answers is worked back as percent × n / 100, rounded); problems go to the list.
 */
export function readAggregate(table: RawTable, questionSet: QuestionSet, problems: ProblemList): { rows: AggregateRow[]; warnings: string[]; summary: AggregateSummary } {
  const keys = new Set(table.headings.map(normaliseLabel));
  if (!keys.has("positive") && keys.has("percent")) return readPercentTable(table, questionSet, problems);
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

/** A report table of percentages: each row's count of good answers is percent × n / 100, to the nearest person. */
function readPercentTable(table: RawTable, questionSet: QuestionSet, problems: ProblemList): { rows: AggregateRow[]; warnings: string[]; summary: AggregateSummary } {
  const columns = mapColumns(table.headings, ["question", "group", "percent", "n"], problems);
  const heading = (name: string) => table.headings[columns.index.get(name) ?? -1] ?? name;
  const rewritten: RawTable = { headings: ["question", "group", "positive", "total"], rows: [], headingRow: table.headingRow };
  const percents: { row: number; raw: string; value: number }[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (name: string) => cells[columns.index.get(name) ?? -1] ?? "";
    const p = percentage.safeParse(cell("percent"));
    const n = count.safeParse(cell("n"));
    if (!p.success) problems.cell(row, heading("percent"), cell("percent").trim(), p.error.issues[0]!.message);
    if (!n.success) problems.cell(row, heading("n"), cell("n").trim(), n.error.issues[0]!.message);
    if (!p.success || !n.success) continue;
    percents.push({ row, raw: cell("percent").trim(), value: p.data });
    rewritten.rows.push({ row, cells: [cell("question"), cell("group"), String(Math.round((p.data * n.data) / 100)), String(n.data)] });
  }
  // 0.81 for 81%: read as a percentage it would be under 1% of people.
  if (percents.length > 0 && percents.every((p) => p.value <= 1) && percents.some((p) => p.value > 0 && p.value < 1)) {
    const example = percents.find((p) => p.value > 0 && p.value < 1)!;
    problems.file(
      `Every figure in column \`${heading("percent")}\` is between 0 and 1 (row ${example.row} has ${example.raw}): they look like proportions, not percentages. Write them as percentages (${Math.round(example.value * 1000) / 10} for ${Math.round(example.value * 1000) / 10}%) and import the file again.`,
    );
    return { rows: [], warnings: [], summary: { rows: 0, questions: 0, groups: 0, text: "" } };
  }
  const read = readAggregate(rewritten, questionSet, problems);
  const note = `The counts of good answers were worked out from column \`${heading("percent")}\` and column \`${heading("n")}\` (percent × n ÷ 100, to the nearest person). Where the percentages were rounded, a count can be out by up to half a percent of n; give columns \`positive\` and \`total\` for exact counts.`;
  return { ...read, warnings: [note, ...unknownColumnsWarning(columns.unknown)] };
}
