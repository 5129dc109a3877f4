import type { FileProblem } from "~/domain/poet/csvText";
import { MAX_LISTED_PROBLEMS } from "./limits.server";

/** Collects problems with a file: keeps the first 200 in full and counts all of them. */
export class ProblemList {
  readonly listed: FileProblem[] = [];
  total = 0;

  /** Records a problem in a cell: the message is prefixed with its row and column. */
  cell(row: number, column: string, value: string, explanation: string): void {
    this.add({ row, column, value, message: `Row ${row}, column \`${column}\`: ${explanation}` });
  }

  /** Records a problem with the whole file. */
  file(message: string): void {
    this.add({ row: null, column: null, value: null, message });
  }

  add(problem: FileProblem): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }

  get isEmpty(): boolean {
    return this.total === 0;
  }
}
