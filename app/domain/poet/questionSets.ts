import { adult2014 } from "./adult2014";
import type { QuestionSet } from "./questionSet";

/** Every question set the app knows, keyed by version. */
export const questionSets: Readonly<Record<string, QuestionSet>> = { [adult2014.version]: adult2014 };

/** The question set a new import uses unless told otherwise. */
export const DEFAULT_QUESTION_SET = adult2014.version;

/** The question set for a version, or undefined when the app does not know that version. */
export function getQuestionSet(version: string): QuestionSet | undefined {
  return Object.prototype.hasOwnProperty.call(questionSets, version) ? questionSets[version] : undefined;
}
