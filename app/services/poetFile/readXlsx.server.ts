import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { MAX_ROWS, MAX_UNCOMPRESSED_BYTES } from "./limits.server";
import { isBlankRow, type ReadOutcome, type RawTable } from "./rawTable.server";
import { tooManyRows } from "./readCsv.server";
import { declaredUncompressedBytes, readZipDirectory, storedArchive, ZipRefusal, type ZipEntry } from "./zipEntries.server";

const NOT_A_WORKBOOK = "We could not open this file as an Excel workbook. Save it again from Excel as .xlsx, or as CSV.";
const notAWorkbook = (error: unknown): string =>
  error instanceof ZipRefusal ? `We could not open this file as an Excel workbook: ${error.message}. Save it again from Excel as .xlsx, or as CSV.` : NOT_A_WORKBOOK;
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
// The parts exceljs reads before any sheet, in an order that lets it stream the sheets (it copies a sheet
// to a temporary file when it meets it before the shared strings).
const BEFORE_SHEETS = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
const NO_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

/** The message for a workbook that would expand past the cap. */
export function expandsTooFar(): string {
  const megabytes = MAX_UNCOMPRESSED_BYTES / 1024 / 1024;
  return `This file expands to more than ${megabytes} MB when opened, which is far more than a survey needs, so we did not open it. Copy only the sheet with the answers into a new workbook, or save it as CSV, then import that.`;
}

/**
 * Reads the first worksheet with rows of an .xlsx workbook as text cells, streaming: the archive is
 * refused on its declared sizes before anything is inflated, every part is inflated with its bytes
 * counted, and reading stops at the first row past the limit. Dates come out as ISO dates so they can be explained.
 */
export async function readXlsx(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<ReadOutcome> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buffer);
  } catch (error) {
    return { ok: false, message: notAWorkbook(error) };
  }
  if (declaredUncompressedBytes(entries) > MAX_UNCOMPRESSED_BYTES) return { ok: false, message: expandsTooFar() };
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const sheets = entries
    .filter((entry) => SHEET.test(entry.name))
    .sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  if (!byName.has("xl/workbook.xml") || !byName.has("xl/_rels/workbook.xml.rels") || sheets.length === 0) return { ok: false, message: NOT_A_WORKBOOK };
  const parts = BEFORE_SHEETS.flatMap((name) => byName.get(name) ?? []);
  const archive = byName.has("xl/sharedStrings.xml") ? storedArchive(buffer, [...parts, ...sheets]) : withEmptySharedStrings(buffer, parts, sheets);
  const sheetBytes = sheets.reduce((sum, sheet) => sum + sheet.uncompressedSize, 0);
  // exceljs pipes the archive into its unzipper, and a pipe does not pass errors on: a part refused while
  // inflating would leave it waiting for bytes for ever, so the refusal ends the read here.
  const refused = new Promise<never>((_, reject) => archive.once("error", reject));
  try {
    return await Promise.race([readFirstSheetWithRows(archive, sheetBytes, onProgress), refused]);
  } catch (error) {
    return { ok: false, message: notAWorkbook(error) };
  } finally {
    archive.destroy();
  }
}

// A workbook of inline strings may have no shared strings part; exceljs would then copy every sheet to disk.
function withEmptySharedStrings(buffer: Buffer, parts: ZipEntry[], sheets: ZipEntry[]): Readable {
  const empty: ZipEntry = { name: "xl/sharedStrings.xml", method: 0, crc32: 0, compressedSize: NO_SHARED_STRINGS.length, uncompressedSize: NO_SHARED_STRINGS.length, dataStart: buffer.length };
  return storedArchive(Buffer.concat([buffer, NO_SHARED_STRINGS]), [...parts, empty, ...sheets]);
}

async function readFirstSheetWithRows(archive: Readable, sheetBytes: number, onProgress?: (fraction: number) => void): Promise<ReadOutcome> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(archive, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const table: RawTable = { headings: [], rows: [] };
  let approxRead = 0;
  for await (const sheet of reader) {
    let headingRow = 0;
    for await (const row of sheet) {
      const width = Math.max(row.cellCount, table.headings.length);
      const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
      approxRead += 30 * width;
      if (table.rows.length % 2000 === 0) onProgress?.(Math.min(1, approxRead / Math.max(1, sheetBytes)));
      if (headingRow === 0) {
        if (isBlankRow(cells)) continue;
        headingRow = row.number;
        table.headings = cells.map((h) => h.trim());
        table.headingRow = row.number;
        continue;
      }
      if (isBlankRow(cells)) continue;
      if (table.rows.length >= MAX_ROWS) return { ok: false, message: tooManyRows() };
      table.rows.push({ row: row.number, cells });
    }
    if (headingRow !== 0) break;
  }
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
