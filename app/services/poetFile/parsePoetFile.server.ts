import type { FileProblem } from "~/domain/poet/csvText";
import type { AggregateRow } from "~/domain/poet/analyseRound";
import { normaliseLabel } from "~/domain/poet/labels";
import { respondentFieldsOf, type QuestionSet } from "~/domain/poet/questionSet";
import { getQuestionSet, questionSets } from "~/domain/poet/questionSets";
import type { Respondent } from "~/domain/poet/respondentFields";
import { unreadableHeadings } from "./columns.server";
import { decodeText } from "./decodeText.server";
import { MAX_FILE_BYTES } from "./limits.server";
import { ProblemList } from "./problemList.server";
import type { RawTable, ReadOutcome } from "./rawTable.server";
import { readAggregate, type AggregateSummary } from "./readAggregate.server";
import { readCsv } from "./readCsv.server";
import { readRespondents, type RespondentSummary } from "./readRespondents.server";
import { readXlsx } from "./readXlsx.server";

export type ParsePoetFileInput = {
  fileName: string;
  bytes: Uint8Array;
  questionSetVersion: string;
  /** The council's own labels for "don't know" (a council setting), read as don't know in every answer column. */
  dontKnowAliases?: readonly string[];
  /** Called with 0…1 as the file is read and checked. */
  onProgress?: (fraction: number) => void;
};

export type ParsePoetFileResult =
  | { ok: true; kind: "respondents"; respondents: Respondent[]; warnings: string[]; summary: RespondentSummary }
  | { ok: true; kind: "aggregate"; rows: AggregateRow[]; warnings: string[]; summary: AggregateSummary }
  | { ok: false; problems: FileProblem[]; totalProblems: number; warnings: string[] };

const AGGREGATE_HEADINGS = ["question", "group", "positive", "total"].map(normaliseLabel);
const PERCENT_HEADINGS = ["question", "group", "percent", "n"].map(normaliseLabel);
/** How many rows under the first we look at for the headings, when a title sits above them. */
const MAX_TITLE_ROWS = 10;

/** Reads an uploaded POET file (CSV or XLSX) into checked people or report rows, or lists every problem with it. */
export async function parsePoetFile(input: ParsePoetFileInput): Promise<ParsePoetFileResult> {
  const problems = new ProblemList();
  const fail = (message: string, warnings: string[] = []): ParsePoetFileResult => {
    problems.file(message);
    return { ok: false, problems: problems.listed, totalProblems: problems.total, warnings };
  };
  const questionSet = getQuestionSet(input.questionSetVersion);
  if (!questionSet) return fail(`We do not know the question set '${input.questionSetVersion}' — expected one of: ${Object.keys(questionSets).join(", ")}.`);
  if (input.bytes.byteLength > MAX_FILE_BYTES) {
    return fail(`The file is ${(input.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the most we accept is ${MAX_FILE_BYTES / 1024 / 1024} MB. Remove columns you do not need, or split the file.`);
  }
  if (input.bytes.byteLength === 0) return fail("The file is empty.");
  const progress = (from: number, to: number) => (fraction: number) => input.onProgress?.(from + (to - from) * fraction);

  const read = await readTable(input, progress(0, 0.5));
  if (!read.ok) return fail(read.message);
  if (read.table.headings.every((h) => h === "")) return fail("The file is empty.");
  const { table, warning: titleWarning } = locateHeadings(read.table, questionSet);
  if (table.rows.length === 0) return fail("The file has column headings but no rows of answers.");

  unreadableHeadings(table.headings, problems);
  const headingKeys = new Set(table.headings.map(normaliseLabel));
  const isAggregate = AGGREGATE_HEADINGS.every((h) => headingKeys.has(h)) || PERCENT_HEADINGS.every((h) => headingKeys.has(h));
  const halfPercent = ["question", "group", "percent"].every((h) => headingKeys.has(h)) && !headingKeys.has("n") && !headingKeys.has("total");
  if (halfPercent) {
    return fail(
      "This looks like a report table with columns `question`, `group` and `percent`, but it has no column `n` saying how many people answered each row. A percentage alone cannot be tested. Add a column headed `n` with the number of people who answered (not counting \"don't know\"), or give columns `positive` and `total` instead of `percent`, then import it again.",
    );
  }
  const parsed = isAggregate
    ? { kind: "aggregate" as const, ...readAggregate(table, questionSet, problems) }
    : { kind: "respondents" as const, ...readRespondents(table, questionSet, problems, progress(0.5, 1), input.dontKnowAliases ?? []) };
  const result = { ...parsed, warnings: [...(titleWarning ? [titleWarning] : []), ...parsed.warnings] };
  input.onProgress?.(1);
  if (!problems.isEmpty) return { ok: false, problems: problems.listed, totalProblems: problems.total, warnings: result.warnings };
  return { ok: true, ...result };
}

async function readTable(input: ParsePoetFileInput, onProgress: (fraction: number) => void): Promise<ReadOutcome> {
  const { bytes, fileName } = input;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (isZip || extension === "xlsx") return readXlsx(bytes, onProgress);
  if (extension === "xls" || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    return { ok: false, message: "This looks like an old Excel .xls file. Open it in Excel and save it as .xlsx (Excel Workbook) or CSV, then import that." };
  }
  const { text } = decodeText(bytes);
  if (text.includes("\u0000")) return { ok: false, message: "This file does not look like a spreadsheet. Save it from Excel as .xlsx or CSV, then import that." };
  return readCsv(text, onProgress);
}

/**
 * Finds the row of headings when a title (or a few lines of notes) sits above it, as in many council
 * exports: the first of the top rows with at least two headings we know. The rows above are skipped, and
 * a warning says which rows were taken as a title and where the headings were read from.
 */
export function locateHeadings(table: RawTable, questionSet: QuestionSet): { table: RawTable; warning?: string } {
  const known = new Set(
    ["respondent_id", "question", "group", "positive", "total", "percent", "n", ...respondentFieldsOf(questionSet).map((f) => f.column), ...questionSet.questions.map((q) => q.code)].map(normaliseLabel),
  );
  const score = (cells: readonly string[]) => cells.filter((c) => c.trim() !== "" && known.has(normaliseLabel(c))).length;
  if (score(table.headings) >= 2) return { table };
  const at = table.rows.slice(0, MAX_TITLE_ROWS).findIndex((r) => score(r.cells) >= 2);
  if (at < 0) return { table };
  const headingRow = table.rows[at]!;
  const title = table.headings.filter((c) => c.trim() !== "").join(" ").slice(0, 80);
  const first = table.headingRow ?? 1;
  const last = at === 0 ? first : table.rows[at - 1]!.row;
  const skipped = first === last ? `Row ${first}` : `Rows ${first} to ${last}`;
  return {
    table: { headings: headingRow.cells.map((h) => h.trim()), rows: table.rows.slice(at + 1), headingRow: headingRow.row },
    warning: `${skipped} above the headings ${first === last ? "was" : "were"} skipped as a title ('${title}'); the headings were read from row ${headingRow.row}. If those rows held answers, move the headings to the top row and import the file again.`,
  };
}
