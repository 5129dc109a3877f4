import { respondentFieldsOf, type QuestionSet } from "~/domain/poet/questionSet";
import type { Respondent } from "~/domain/poet/respondentFields";
import { normaliseLabel, withArticle } from "~/domain/poet/labels";
import { scaleLabels } from "~/domain/poet/scales";
import { cellChecker, type CellResult } from "./cellChecker.server";
import { mapColumns, unknownColumnsWarning } from "./columns.server";
import { labelCell } from "./labelCell.server";
import type { ProblemList } from "./problemList.server";
import type { RawTable } from "./rawTable.server";

/** `questionsInFile`: the question codes the file had a column for, so a missing question is not mistaken for one nobody answered. */
/** `holders` and `carers`: people of the set's first and other forms (budget holders and carers in the adult set). */
export type RespondentSummary = { people: number; holders: number; carers: number; bySurvey: Record<string, number>; text: string; questionsInFile: string[] };

const ID = "respondent_id";

/** Checks every row of a respondent file and returns the people in it; problems go to the list. */
export function readRespondents(
  table: RawTable,
  questionSet: QuestionSet,
  problems: ProblemList,
  onProgress?: (fraction: number) => void,
  dontKnowAliases: readonly string[] = [],
): { respondents: Respondent[]; warnings: string[]; summary: RespondentSummary } {
  const respondentFields = respondentFieldsOf(questionSet);
  const fieldColumns = respondentFields.map((f) => f.column);
  const codes = questionSet.questions.map((q) => q.code);
  const columns = mapColumns(table.headings, [ID, ...fieldColumns, ...codes], problems);
  const warnings = unknownColumnsWarning(columns.unknown);
  if (!columns.index.has("survey")) problems.add({ row: 1, column: "survey", value: null, message: `The file needs a column headed \`survey\` saying which form each row answered: ${questionSet.surveys.map((s) => s.label).join(" or ")}.` });
  const asked = codes.filter((code) => columns.index.has(code));
  if (asked.length === 0) problems.add({ row: 1, column: null, value: null, message: `The file has no question columns — expected columns headed with question codes such as ${codes.slice(0, 3).join(", ")}.` });
  if (!columns.index.has(ID)) warnings.push("There is no `respondent_id` column, so each person is known by their row number (row-2, row-3, …).");

  const checkers = new Map<string, (raw: string) => CellResult<string | null>>();
  for (const f of respondentFields) {
    if (columns.index.has(f.column)) checkers.set(f.column, cellChecker(labelCell({ what: `${withArticle(f.title.toLowerCase())} we know`, expected: f.values.map((v) => v.label), match: f.match, required: f.required })));
  }
  const councilDontKnow = new Set(dontKnowAliases.map(normaliseLabel));
  const councilNote = dontKnowAliases.length > 0 ? [`or one of your council's "don't know" labels (${dontKnowAliases.join(", ")})`] : [];
  for (const q of questionSet.questions) {
    const match = (text: string) => q.scale.match(text) ?? (councilDontKnow.has(normaliseLabel(text)) ? "don't know" : undefined);
    if (columns.index.has(q.code)) checkers.set(q.code, cellChecker(labelCell({ what: "an answer this question allows", expected: [...scaleLabels(q.scale), ...councilNote], match })));
  }
  const slots = respondentFields.filter((f) => f.key !== "survey");
  const about = (values: Record<string, string | null>) =>
    Object.fromEntries((["ageBand", "supportReason", "budgetManagement"] as const).map((key) => [key, values[slots.find((f) => f.key === key)?.column ?? ""] ?? null])) as Pick<Respondent, "ageBand" | "supportReason" | "budgetManagement">;
  const checks = [...checkers].map(([name, check]) => ({ name, index: columns.index.get(name) ?? -1, check }));
  const headingOf = (name: string) => table.headings[columns.index.get(name) ?? -1] ?? name;
  const firstRowOfId = new Map<string, number>();
  const respondents: Respondent[] = [];
  const misplaced = { count: 0, survey: "" };

  table.rows.forEach(({ row, cells }, i) => {
    if (i % 2000 === 0) onProgress?.(i / table.rows.length);
    const cell = (name: string) => cells[columns.index.get(name) ?? -1] ?? "";
    const id = columns.index.has(ID) ? cell(ID).trim() : `row-${row}`;
    if (id === "") problems.cell(row, headingOf(ID), "", "this cell is empty — every person needs an id.");
    const earlier = firstRowOfId.get(id);
    if (id !== "" && earlier !== undefined) problems.cell(row, headingOf(ID), id, `'${id}' is already used on row ${earlier} — each person needs their own id.`);
    else if (id !== "") firstRowOfId.set(id, row);

    const values: Record<string, string | null> = {};
    let rowIsGood = true;
    for (const { name, index, check } of checks) {
      const raw = cells[index] ?? "";
      const result = check(raw);
      if (result.ok) values[name] = result.value;
      else {
        rowIsGood = false;
        problems.cell(row, headingOf(name), raw.trim(), result.message);
      }
    }
    if (!rowIsGood) return;
    const survey = values.survey ?? questionSet.surveys[0].id;
    const answers: Record<string, string> = {};
    for (const q of questionSet.questions) {
      const answer = values[q.code];
      if (answer === null || answer === undefined) continue;
      if (!q.surveys.includes(survey)) {
        misplaced.count++;
        misplaced.survey = survey;
        continue;
      }
      answers[q.code] = answer;
    }
    respondents.push({
      id,
      survey,
      ...about(values),
      answers,
    });
  });
  if (misplaced.count > 0) {
    warnings.push(`${misplaced.count} answers were given to questions that are not asked in that person's survey (for example ${questionSet.surveys[1] ? `${withArticle(questionSet.surveys[1].noun[0])} answering ${withArticle(questionSet.surveys[0].noun[0])}'s outcome question` : "an answer to a question of another form"}); they are not counted.`);
  }
  onProgress?.(1);
  return { respondents, warnings, summary: summarise(respondents, asked, questionSet) };
}

function summarise(respondents: readonly Respondent[], questionsInFile: string[], questionSet: QuestionSet): RespondentSummary {
  const bySurvey: Record<string, number> = Object.fromEntries(questionSet.surveys.map((s) => [s.id, 0]));
  for (const r of respondents) bySurvey[r.survey] = (bySurvey[r.survey] ?? 0) + 1;
  const holders = bySurvey[questionSet.surveys[0].id] ?? 0;
  const plural = (n: number, [one, many]: readonly [string, string]) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
  return {
    people: respondents.length,
    holders,
    carers: respondents.length - holders,
    bySurvey,
    text: `${plural(respondents.length, ["person", "people"])}: ${questionSet.surveys.map((s) => plural(bySurvey[s.id] ?? 0, s.noun)).join(", ")}`,
    questionsInFile,
  };
}
