import Papa from "papaparse";
import { MAX_ROWS } from "./limits.server";
import { isBlankRow, type ReadOutcome, type RawTable } from "./rawTable.server";

const CHUNK_CHARS = 512 * 1024;

/** Reads CSV text in chunks (comma, semicolon or tab separated), stopping early when it has too many rows. */
export function readCsv(text: string, onProgress?: (fraction: number) => void): ReadOutcome {
  const table: RawTable = { headings: [], rows: [] };
  let recordIndex = 0;
  let tooMany = false;
  Papa.parse<string[]>(text, {
    chunkSize: CHUNK_CHARS,
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: false,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      for (const cells of results.data) {
        recordIndex++;
        if (recordIndex === 1) {
          table.headings = cells.map((h) => h.trim());
          table.headingRow = 1;
          continue;
        }
        if (isBlankRow(cells)) continue;
        if (table.rows.length >= MAX_ROWS) {
          tooMany = true;
          parser.abort();
          return;
        }
        table.rows.push({ row: recordIndex, cells });
      }
      onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, text.length)));
    },
    // With a string and no worker, Papa Parse runs every chunk before returning.
    complete: () => undefined,
  });
  if (tooMany) return { ok: false, message: tooManyRows() };
  return { ok: true, table };
}

/** The message for a file over the row limit. */
export function tooManyRows(): string {
  return `The file has more than ${MAX_ROWS.toLocaleString("en-GB")} rows. Split it into smaller files (for example one per survey) and import each one.`;
}
