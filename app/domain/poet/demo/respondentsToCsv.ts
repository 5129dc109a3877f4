import Papa from "papaparse";
import type { QuestionSet } from "../questionSet";
import { respondentFields, type Respondent } from "../respondentFields";

/** Writes people as a POET respondent CSV that the importer reads back unchanged. */
export function respondentsToCsv(questionSet: QuestionSet, respondents: readonly Respondent[]): string {
  const codes = questionSet.questions.map((q) => q.code);
  const label = (field: (typeof respondentFields)[number], id: string | null) => (id === null ? "" : field.values.find((v) => v.id === id)?.label ?? id);
  const rows = respondents.map((r) => [r.id, ...respondentFields.map((f) => label(f, r[f.key])), ...codes.map((code) => r.answers[code] ?? "")]);
  return Papa.unparse({ fields: ["respondent_id", ...respondentFields.map((f) => f.column), ...codes], data: rows });
}
