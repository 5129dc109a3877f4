import { z } from "zod";
import type { FileProblem } from "./csvText";
import { normaliseLabel } from "./labels";
import type { QuestionSet } from "./questionSet";

// A council's official wording of a question set's questions (docs/decisions/028): a file of question
// code, standard wording and easy-read wording. The codes are ours and never change; only the words do.

/** One question's official wording as a council loaded it. */
export type QuestionWordingRow = { code: string; standard: string; easyRead: string };

/** The longest wording we take: a question, not a page (the paper form prints it on one line or two). */
export const MAX_WORDING_CHARACTERS = 400;

// The headings we accept for each column, compared ignoring case, spaces and punctuation.
const COLUMNS = {
  code: ["code", "question code", "question", "question id", "id"],
  standard: ["standard", "standard wording", "wording", "text", "question text"],
  easyRead: ["easy read", "easy read wording", "easy", "easy wording"],
} as const;
const COLUMN_NAMES = { code: "code", standard: "standard", easyRead: "easy_read" } as const;
type Column = keyof typeof COLUMNS;

const wording = (blank: string) =>
  z
    .string()
    .trim()
    .min(1, blank)
    .max(MAX_WORDING_CHARACTERS, `is longer than ${MAX_WORDING_CHARACTERS} characters — a question's wording should fit on a line or two; check the cell holds only the question`);

/** A file's cells as they were found, before checking: headings as written, rows as a spreadsheet numbers them. */
export type WordingTable = { headings: string[]; rows: { row: number; cells: string[] }[] };


function codeList(questionSet: QuestionSet): string {
  const codes = questionSet.questions.map((q) => q.code);
  return codes.length > 8 ? `${codes.slice(0, 8).join(", ")} … (${codes.length} in all, listed on this page)` : codes.join(", ");
}

/**
 * Checks a council's wording file for one question set: every row a known code of that set, given once,
 * with standard and easy-read wording. All or nothing: any problem and nothing is taken, with every
 * problem named by its row and column and what to do. A file may give some of the questions only.
 */
export function parseQuestionWording(questionSet: QuestionSet, table: WordingTable): { ok: true; rows: QuestionWordingRow[] } | { ok: false; problems: FileProblem[] } {
  const problem = (row: number | null, column: string | null, value: string | null, message: string): FileProblem => ({ row, column, value, message });
  if (table.headings.every((h) => h.trim() === "")) return { ok: false, problems: [problem(null, null, null, "The file is empty. It needs a heading row (code, standard, easy_read) and one row per question.")] };
  const found = table.headings.map(normaliseLabel);
  const index = {} as Record<Column, number>;
  const problems: FileProblem[] = [];
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const at = found.findIndex((h) => (COLUMNS[column] as readonly string[]).some((name) => normaliseLabel(name) === h));
    if (at < 0) problems.push(problem(1, COLUMN_NAMES[column], null, `The file needs a column headed \`${COLUMN_NAMES[column]}\` (found: ${table.headings.filter((h) => h.trim()).join(", ") || "no headings"}). The columns are code, standard, easy_read.`));
    index[column] = at;
  }
  if (problems.length) return { ok: false, problems };
  const known = new Map(questionSet.questions.map((q) => [normaliseLabel(q.code), q.code]));
  const seen = new Map<string, number>();
  const rows: QuestionWordingRow[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const rawCode = (cells[index.code] ?? "").trim();
    const code = known.get(normaliseLabel(rawCode));
    let rowOk = true;
    if (!rawCode) {
      problems.push(problem(row, "code", rawCode, `Row ${row}, column \`code\`: the question code is blank — give the code of the question this wording is for, such as ${questionSet.questions[0]!.code}.`));
      rowOk = false;
    } else if (!code) {
      problems.push(problem(row, "code", rawCode, `Row ${row}, column \`code\`: '${rawCode}' is not a question of ${questionSet.shortTitle} (${questionSet.version}) — use one of its codes: ${codeList(questionSet)}. Check the file is for this question set.`));
      rowOk = false;
    } else if (seen.has(code)) {
      problems.push(problem(row, "code", rawCode, `Row ${row}, column \`code\`: ${code} is already given on row ${seen.get(code)} — keep one row per question.`));
      rowOk = false;
    }
    const standard = wording("is blank — give the question's standard wording").safeParse(cells[index.standard] ?? "");
    const easyRead = wording("is blank — give the easy-read wording (if your council has none, repeat the standard wording)").safeParse(cells[index.easyRead] ?? "");
    for (const [column, parsed] of [["standard", standard], ["easy_read", easyRead]] as const) {
      if (!parsed.success) {
        const value = (column === "standard" ? cells[index.standard] : cells[index.easyRead]) ?? "";
        problems.push(problem(row, column, value, `Row ${row}, column \`${column}\`${code ? ` (${code})` : ""}: ${value.trim() ? `'${value.trim().slice(0, 40)}…' ` : ""}${parsed.error.issues[0]!.message}.`));
        rowOk = false;
      }
    }
    if (code) seen.set(code, seen.get(code) ?? row);
    if (rowOk && code && standard.success && easyRead.success) rows.push({ code, standard: standard.data, easyRead: easyRead.data });
  }
  if (problems.length) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [problem(null, null, null, "The file has headings but no questions under them. Add one row per question: its code, standard wording and easy-read wording.")] };
  return { ok: true, rows };
}

/**
 * The question set as a council shows it: its official wording in place of ours wherever it loaded one.
 * Still `wordingApproximate` while any question of an approximate set keeps our wording. Codes, answers,
 * phrases and structure are untouched, so analysis and stored answers read the same.
 */
export function withCouncilWording(questionSet: QuestionSet, official: readonly QuestionWordingRow[]): QuestionSet {
  if (official.length === 0) return questionSet;
  const byCode = new Map(official.map((w) => [w.code, w]));
  const questions = questionSet.questions.map((q) => {
    const w = byCode.get(q.code);
    return w ? { ...q, text: w.standard, easyRead: w.easyRead } : q;
  });
  return { ...questionSet, questions, wordingApproximate: questionSet.wordingApproximate && questions.some((q) => !byCode.has(q.code)) };
}

/** The codes of the set whose wording is still ours (approximate) once a council's official wording is in place. */
export function approximateCodes(questionSet: QuestionSet, official: readonly QuestionWordingRow[]): string[] {
  if (!questionSet.wordingApproximate) return [];
  const loaded = new Set(official.map((w) => w.code));
  return questionSet.questions.filter((q) => !loaded.has(q.code)).map((q) => q.code);
}
