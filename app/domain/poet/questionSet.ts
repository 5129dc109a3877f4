import type { AnswerScale } from "./scales";
import { surveyFieldOf, type RespondentField, type Survey, type SurveyForm } from "./respondentFields";

export type QuestionKind = "outcome" | "carer-outcome" | "process";

/** One survey question: how it reads, how it is answered, and what a positive answer says. */
export type Question = {
  code: string;
  kind: QuestionKind;
  surveys: readonly Survey[];
  text: string;
  easyRead: string;
  scale: AnswerScale;
  /** Labels that count as a good answer; "don't know" never counts. */
  positive: readonly string[];
  /** Finishes "More people here than across England …", e.g. "said their budget helped them feel safe". */
  positivePhrase: string;
  /** Easy-read version of the phrase, e.g. "said they feel safer". */
  easyPhrase: string;
};

/** A way of splitting people by how the process went, for process → outcome links. */
export type ProcessCondition = {
  id: string;
  /** Finishes "People who …", e.g. "knew their budget amount". */
  phrase: string;
  /** The process questions it is read from; with several, most answered ones must be positive. */
  questions: readonly string[];
};

/**
 * A POET questionnaire: its forms (who answers it), the three breakdowns it asks about the person, its
 * questions and how its process questions are grouped into conditions for process → outcome links.
 * `wordingApproximate`: the question wording is ours, written from published descriptions, until a council
 * loads the official wording (as for Making it Real); the codes are ours either way.
 */
export type QuestionSet = {
  version: string;
  title: string;
  /** A short name for lists: "Adult social care", "Children's services". */
  shortTitle: string;
  wordingApproximate: boolean;
  surveys: readonly SurveyForm[];
  about: readonly RespondentField[];
  questions: readonly Question[];
  processConditions: readonly ProcessCondition[];
};

const fieldsCache = new WeakMap<QuestionSet, readonly RespondentField[]>();

/** Every column about the person a file of this set may have: `survey` first, then the set's breakdowns. */
export function respondentFieldsOf(questionSet: QuestionSet): readonly RespondentField[] {
  let fields = fieldsCache.get(questionSet);
  if (!fields) {
    fields = [surveyFieldOf(questionSet.surveys), ...questionSet.about];
    fieldsCache.set(questionSet, fields);
  }
  return fields;
}

/** The form of this set with that id, or undefined. */
export function findSurvey(questionSet: QuestionSet, survey: string): SurveyForm | undefined {
  return questionSet.surveys.find((s) => s.id === survey);
}

/** Builds a question with the scale's usual positive answers unless told otherwise. */
export function question(spec: Omit<Question, "positive"> & { positive?: readonly string[] }): Question {
  return { ...spec, positive: spec.positive ?? spec.scale.options.filter((o) => o.positive).map((o) => o.id) };
}

/** Finds a question by code, or undefined when the set has no such question. */
export function findQuestion(questionSet: QuestionSet, code: string): Question | undefined {
  return questionSet.questions.find((q) => q.code === code);
}
