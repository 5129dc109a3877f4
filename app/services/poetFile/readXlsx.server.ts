import ExcelJS from "exceljs";
import { MAX_ROWS } from "./limits.server";
import { isBlankRow, type ReadOutcome, type RawTable } from "./rawTable.server";
import { tooManyRows } from "./readCsv.server";

/** Reads the first worksheet of an .xlsx workbook as text cells; dates come out as ISO dates so they can be explained. */
export async function readXlsx(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<ReadOutcome> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: "We could not open this file as an Excel workbook. Save it again from Excel as .xlsx, or as CSV." };
  }
  onProgress?.(0.5);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: true, table: { headings: [], rows: [] } };
  if (sheet.actualRowCount - 1 > MAX_ROWS) return { ok: false, message: tooManyRows() };
  const table: RawTable = { headings: [], rows: [] };
  let headingRow = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.max(row.cellCount, table.headings.length);
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (headingRow === 0) {
      if (isBlankRow(cells)) return;
      headingRow = rowNumber;
      table.headings = cells.map((h) => h.trim());
      return;
    }
    if (!isBlankRow(cells)) table.rows.push({ row: rowNumber, cells });
  });
  onProgress?.(1);
  return { ok: true, table };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  if ("hyperlink" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}
