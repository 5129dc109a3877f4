import { z } from "zod";
import { missingHeadings, parseCsvText, type FileProblem } from "./csvText";
import { groupExamples, matchGroup } from "./groups";
import type { QuestionSet } from "./questionSet";

/**
 * A published band ("over 80%", "at least two thirds"): England's figure lies somewhere from `low` to
 * `high` (0–100), and nobody knows where. `text` is how the report put it; `easyText` finishes
 * "In England it is …".
 */
export type NationalBand = { low: number; high: number; text: string; easyText: string };

/**
 * A national reference figure for one question and group; n null when the national sample size is unknown.
 * With a band, `percent` is the band's edge a local figure could be tested against (its lower edge when
 * the upper is 100%, else its upper edge).
 */
export type BenchmarkValue = { question: string; group: string; percent: number; n: number | null; band?: NationalBand };

export type Benchmark = {
  name: string;
  questionSetVersion: string;
  approximate: boolean;
  source: string;
  values: BenchmarkValue[];
};

/** The national figure to compare with: the group's own if given, else the figure for everyone. */
export function findBenchmarkValue(benchmark: Benchmark, question: string, group: string): BenchmarkValue | undefined {
  return (
    benchmark.values.find((v) => v.question === question && v.group === group) ??
    benchmark.values.find((v) => v.question === question && v.group === "all")
  );
}

/** "67,5" (a decimal comma, as many European spreadsheets write it) read as "67.5"; "67.5" unchanged. */
export function decimalText(text: string): string {
  return /^-?\d+,\d+$/.test(text) ? text.replace(",", ".") : text;
}

/** A count with thousands separators: "4,000", "4 000" and (from decimal-comma spreadsheets) "4.000" are 4000. */
function wholeNumberText(text: string): string {
  const trimmed = text.trim();
  return /^\d{1,3}([.,\s]\d{3})+$/.test(trimmed) ? trimmed.replace(/[.,\s]/g, "") : trimmed.replace(/,/g, "");
}

const percentCell = z.coerce.number({ invalid_type_error: "a number" }).min(0).max(100);
const nCell = z.coerce.number().int().positive();

/** Reads a council's benchmark CSV (`question, group, percent, n`, n optional), listing every bad row. */
export function parseBenchmarkFile(
  text: string,
  questionSet: QuestionSet,
  meta: { name: string; source?: string },
): { ok: true; benchmark: Benchmark } | { ok: false; problems: FileProblem[] } {
  const table = parseCsvText(text);
  if (table.headings.length === 0) return { ok: false, problems: [{ row: null, column: null, value: null, message: "The benchmark file is empty." }] };
  const problems = missingHeadings(table, ["question", "group", "percent"]);
  if (problems.length > 0) return { ok: false, problems };
  const codes = new Set(questionSet.questions.map((q) => q.code));
  const seen = new Map<string, number>();
  const values: BenchmarkValue[] = [];
  for (const { row, cells } of table.rows) {
    const problem = (column: string, value: string, message: string) => problems.push({ row, column, value, message: `Row ${row}, column \`${column}\`: ${message}` });
    const code = cells.question.toUpperCase();
    if (!codes.has(code)) problem("question", cells.question, `'${cells.question}' is not a question code in ${questionSet.version} — expected a code such as ${[...codes].slice(0, 3).join(", ")}.`);
    const group = matchGroup(cells.group, questionSet);
    if (!group) problem("group", cells.group, `'${cells.group}' is not a group of ${questionSet.version} — expected ${groupExamples(questionSet).join(", ")}.`);
    const percent = cells.percent === "" ? null : percentCell.safeParse(decimalText(cells.percent.trim().replace(/\s*%$/, "")));
    if (!percent?.success) problem("percent", cells.percent, `'${cells.percent}' is not a percentage — expected a number from 0 to 100.`);
    const n = (cells.n ?? "") === "" ? null : nCell.safeParse(wholeNumberText(cells.n));
    if (n && !n.success) problem("n", cells.n, `'${cells.n}' is not a number of people — expected a whole number above 0, or leave it blank.`);
    if (!group || !codes.has(code) || !percent?.success || (n && !n.success)) continue;
    const key = `${code}~${group}`;
    const earlier = seen.get(key);
    if (earlier) {
      problem("question", cells.question, `${code} for ${group} is already given on row ${earlier}.`);
      continue;
    }
    seen.set(key, row);
    const nationalN = n ? (n.success ? n.data : null) : null;
    if ((percent.data === 0 || percent.data === 100) && nationalN === null) {
      problem(
        "percent",
        cells.percent,
        `${percent.data}% with no n cannot be compared with: against exactly ${percent.data}% a single different answer here would look certain. Give the national number of people in column \`n\`, or leave the row out.`,
      );
      continue;
    }
    values.push({ question: code, group, percent: percent.data, n: nationalN });
  }
  const proportions = looksLikeProportions(values);
  if (proportions) problems.push(proportions);
  if (problems.length > 0) return { ok: false, problems };
  if (values.length === 0) return { ok: false, problems: [{ row: null, column: null, value: null, message: "The benchmark file has headings but no figures." }] };
  return { ok: true, benchmark: { name: meta.name, questionSetVersion: questionSet.version, approximate: false, source: meta.source ?? "Supplied by the council", values } };
}

/**
 * A file whose every figure lies between 0 and 1, some with decimals, was written as proportions (0.81 for
 * 81%): read as percentages it would compare a council's 86% with England's "1%".
 */
function looksLikeProportions(values: readonly BenchmarkValue[]): FileProblem | null {
  if (values.length === 0 || !values.every((v) => v.percent <= 1) || !values.some((v) => v.percent > 0 && v.percent < 1)) return null;
  const example = values.find((v) => v.percent > 0 && v.percent < 1)!;
  return {
    row: null,
    column: "percent",
    value: String(example.percent),
    message: `Every figure in column \`percent\` is between 0 and 1 (for example ${example.percent} for ${example.question}): they look like proportions. Write them as percentages (${Math.round(example.percent * 1000) / 10} for ${Math.round(example.percent * 1000) / 10}%) and load the file again.`,
  };
}
