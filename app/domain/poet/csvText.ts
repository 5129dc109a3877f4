import Papa from "papaparse";
import { normaliseLabel } from "./labels";

/** A problem a person can fix in their file. Rows are numbered as a spreadsheet shows them (headings are row 1). */
export type FileProblem = { row: number | null; column: string | null; value: string | null; message: string };

/** A small CSV read into rows keyed by normalised heading, with each row's spreadsheet row number. */
export type CsvTable = { headings: string[]; rows: { row: number; cells: Record<string, string> }[] };

/** Reads small CSV text (comma, semicolon or tab separated) whose headings are matched ignoring case and punctuation. */
export function parseCsvText(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [",", ";", "\t"], skipEmptyLines: false });
  const [headingRow = [], ...body] = result.data;
  const headings = headingRow.map((h) => h.trim());
  const keys = headings.map(normaliseLabel);
  const rows: CsvTable["rows"] = [];
  body.forEach((cellsInRow, index) => {
    if (cellsInRow.every((cell) => cell.trim() === "")) return;
    const cells: Record<string, string> = {};
    keys.forEach((key, i) => (cells[key] = (cellsInRow[i] ?? "").trim()));
    rows.push({ row: index + 2, cells });
  });
  return { headings, rows };
}

/** Headings the file must have but does not, as problems. */
export function missingHeadings(table: CsvTable, required: readonly string[]): FileProblem[] {
  const present = new Set(table.headings.map(normaliseLabel));
  return required
    .filter((name) => !present.has(normaliseLabel(name)))
    .map((name) => ({ row: 1, column: name, value: null, message: `The file needs a column headed \`${name}\` (found: ${table.headings.join(", ") || "no headings"}).` }));
}
