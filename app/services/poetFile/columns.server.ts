import { normaliseLabel } from "~/domain/poet/labels";
import type { ProblemList } from "./problemList.server";

/** Which column of the file holds each expected name, plus the headings we do not use. */
export type ColumnMap = { index: Map<string, number>; unknown: string[] };

/** The spreadsheet letter of a 0-based column: 0 → A, 26 → AA. */
export const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + columnLetter(i % 26));

/** Matches headings to expected names ignoring case, spaces and punctuation; a name claimed twice is a problem. */
export function mapColumns(headings: readonly string[], expected: readonly string[], problems: ProblemList): ColumnMap {
  const byKey = new Map(expected.map((name) => [normaliseLabel(name), name]));
  const index = new Map<string, number>();
  const unknown: string[] = [];
  headings.forEach((heading, i) => {
    if (heading === "") return;
    const name = byKey.get(normaliseLabel(heading));
    if (!name) return unknown.push(heading);
    const earlier = index.get(name);
    if (earlier !== undefined) {
      const first = headings[earlier]!;
      const same = first === heading ? `are both headed \`${heading}\`` : `are headed \`${first}\` and \`${heading}\`, which both mean \`${name}\``;
      problems.add({ row: 1, column: heading, value: heading, message: `Columns ${columnLetter(earlier)} and ${columnLetter(i)} ${same}. Delete or rename one of them, then import the file again.` });
      return;
    }
    index.set(name, i);
  });
  return { index, unknown };
}

/** One warning naming the columns that were ignored, or none. */
export function unknownColumnsWarning(unknown: readonly string[]): string[] {
  if (unknown.length === 0) return [];
  const names = unknown.map((h) => `\`${h}\``).join(", ");
  return [`${unknown.length === 1 ? "This column is" : "These columns are"} not part of the survey and ${unknown.length === 1 ? "was" : "were"} ignored: ${names}.`];
}

/** A problem for each heading holding bytes that were not readable text (decoded as U+FFFD), which would otherwise be ignored as an unknown column. */
export function unreadableHeadings(headings: readonly string[], problems: ProblemList): void {
  headings.forEach((heading, i) => {
    if (!heading.includes("\uFFFD")) return;
    problems.add({
      row: 1,
      column: columnLetter(i),
      value: heading,
      message: `The heading of column ${columnLetter(i)} has characters that are not readable text (shown as �: '${heading}'). Retype that heading and save the file again (in Excel choose "CSV UTF-8" or "Excel Workbook"), then import it.`,
    });
  });
}
