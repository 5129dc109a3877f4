/** A sheet of text cells as read from a file, before any checking. Row numbers are as a spreadsheet shows them. */
/** `headingRow`: the spreadsheet row the headings were read from (1 unless blank rows came first). */
export type RawTable = { headings: string[]; rows: { row: number; cells: string[] }[]; headingRow?: number };

export type ReadOutcome = { ok: true; table: RawTable } | { ok: false; message: string };

/** Looks like something Excel turned into a date (2064-01-18, 18/01/1964, 18-Jan, Jan-64). */
export function looksLikeDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(text) ||
    /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text) ||
    /^\d{1,2}[- ][A-Za-z]{3}([- ]\d{2,4})?$/.test(text) ||
    /^[A-Za-z]{3}[- ]\d{2,4}$/.test(text)
  );
}

/** True when every cell of a row is blank, so it can be skipped. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}
