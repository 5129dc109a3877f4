import { adult2014 } from "./adult2014";
import { children } from "./children";
import { healthBudgets } from "./healthBudgets";
import type { QuestionSet } from "./questionSet";
import type { SurveyForm } from "./respondentFields";

/** Every question set the app knows, keyed by version. */
export const questionSets: Readonly<Record<string, QuestionSet>> = { [adult2014.version]: adult2014, [children.version]: children, [healthBudgets.version]: healthBudgets };

/** The question set a new import uses unless told otherwise. */
export const DEFAULT_QUESTION_SET = adult2014.version;

/** The question set for a version, or undefined when the app does not know that version. */
export function getQuestionSet(version: string): QuestionSet | undefined {
  return Object.prototype.hasOwnProperty.call(questionSets, version) ? questionSets[version] : undefined;
}

/** The set a form belongs to (form ids are unique across sets), or undefined. */
export function questionSetOfSurvey(survey: string): QuestionSet | undefined {
  return Object.values(questionSets).find((set) => set.surveys.some((s) => s.id === survey));
}

/** The form with this id in whichever set has it, or undefined. */
export function surveyForm(survey: string): SurveyForm | undefined {
  return questionSetOfSurvey(survey)?.surveys.find((s) => s.id === survey);
}
