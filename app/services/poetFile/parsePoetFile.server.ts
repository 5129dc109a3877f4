import type { FileProblem } from "~/domain/poet/csvText";
import type { AggregateRow } from "~/domain/poet/analyseRound";
import { normaliseLabel } from "~/domain/poet/labels";
import { getQuestionSet, questionSets } from "~/domain/poet/questionSets";
import type { Respondent } from "~/domain/poet/respondentFields";
import { unreadableHeadings } from "./columns.server";
import { decodeText } from "./decodeText.server";
import { MAX_FILE_BYTES } from "./limits.server";
import { ProblemList } from "./problemList.server";
import type { ReadOutcome } from "./rawTable.server";
import { readAggregate, type AggregateSummary } from "./readAggregate.server";
import { readCsv } from "./readCsv.server";
import { readRespondents, type RespondentSummary } from "./readRespondents.server";
import { readXlsx } from "./readXlsx.server";

export type ParsePoetFileInput = {
  fileName: string;
  bytes: Uint8Array;
  questionSetVersion: string;
  /** Called with 0…1 as the file is read and checked. */
  onProgress?: (fraction: number) => void;
};

export type ParsePoetFileResult =
  | { ok: true; kind: "respondents"; respondents: Respondent[]; warnings: string[]; summary: RespondentSummary }
  | { ok: true; kind: "aggregate"; rows: AggregateRow[]; warnings: string[]; summary: AggregateSummary }
  | { ok: false; problems: FileProblem[]; totalProblems: number; warnings: string[] };

const AGGREGATE_HEADINGS = ["question", "group", "positive", "total"].map(normaliseLabel);

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
  const { table } = read;
  if (table.headings.every((h) => h === "")) return fail("The file is empty.");
  if (table.rows.length === 0) return fail("The file has column headings but no rows of answers.");

  unreadableHeadings(table.headings, problems);
  const headingKeys = new Set(table.headings.map(normaliseLabel));
  const isAggregate = AGGREGATE_HEADINGS.every((h) => headingKeys.has(h));
  const result = isAggregate
    ? { kind: "aggregate" as const, ...readAggregate(table, questionSet, problems) }
    : { kind: "respondents" as const, ...readRespondents(table, questionSet, problems, progress(0.5, 1)) };
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
