// Reads a council's question wording file (CSV or XLSX) into checked rows, or the problems to fix.
import type { FileProblem, QuestionSet } from "~/domain/poet";
import { parseQuestionWording, type QuestionWordingRow } from "~/domain/poet/questionWording";
import { decodeText } from "./poetFile/decodeText.server";
import { readCsv } from "./poetFile/readCsv.server";
import { readXlsx } from "./poetFile/readXlsx.server";

export async function readQuestionWordingFile(questionSet: QuestionSet, bytes: Uint8Array, fileName: string): Promise<{ ok: true; rows: QuestionWordingRow[] } | { ok: false; problems: FileProblem[] }> {
  const only = (message: string) => ({ ok: false as const, problems: [{ row: null, column: null, value: null, message }] });
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === "xls" || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) return only("This looks like an old Excel .xls file. Open it in Excel and save it as .xlsx (Excel Workbook) or CSV, then load that.");
  let table;
  if (isZip || extension === "xlsx") {
    table = await readXlsx(bytes);
  } else {
    const { text } = decodeText(bytes);
    if (text.includes("\u0000")) return only("This file does not look like a spreadsheet. Save it from Excel as .xlsx or CSV with columns code, standard, easy_read, then load that.");
    table = readCsv(text);
  }
  if (!table.ok) return only(table.message);
  return parseQuestionWording(questionSet, table.table);
}
