// The questionnaire as a person meets it: which questions a form asks, in which wording, and the
// checks every answer passes before it is kept. Pure, so the server and tests share it.
import type { AboutSlot, Respondent, RespondentField, Survey } from "../poet/respondentFields";
import type { Question, QuestionSet } from "../poet/questionSet";
import { questionSetOfSurvey, surveyForm } from "../poet/questionSets";

export type Wording = "standard" | "easy";
export type Layout = "one" | "all";
export const DONT_KNOW = "don't know";

/** The questions one form (budget holder or carer) asks, in the set's order. */
export function formQuestions(questionSet: QuestionSet, survey: Survey): Question[] {
  return questionSet.questions.filter((q) => q.surveys.includes(survey));
}

/** The question as this person reads it. */
export function questionWording(question: Question, wording: Wording): string {
  return wording === "easy" ? question.easyRead : question.text;
}

/** Easy-read labels for answers; the stored value is always the scale's own label. */
const EASY_LABELS: Record<string, string> = {
  "a lot better": "A lot better",
  better: "Better",
  "no change": "No change",
  worse: "Worse",
  "a lot worse": "A lot worse",
  "very easy": "Very easy",
  easy: "Easy",
  neither: "Not easy, not hard",
  difficult: "Hard",
  "very difficult": "Very hard",
  yes: "Yes",
  no: "No",
  fully: "Yes, fully",
  mostly: "Mostly",
  partly: "A little",
  "not at all": "Not at all",
  "very supportive": "A lot",
  "fairly supportive": "Quite a lot",
  "not very supportive": "Not much",
  "not at all supportive": "Not at all",
  [DONT_KNOW]: "I don't know",
};

/** The answers a person can choose, with "don't know" always last and always there. */
export function answerChoices(question: Question, wording: Wording): { value: string; label: string }[] {
  const options = question.scale.options.filter((o) => o.id !== DONT_KNOW);
  const all = [...options.map((o) => o.id), DONT_KNOW];
  const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  return all.map((value) => ({ value, label: wording === "easy" ? (EASY_LABELS[value] ?? capital(value)) : value === DONT_KNOW ? "Don't know" : capital(value) }));
}

/** The optional "about you" questions of a form: every group its question set breaks results down by, except the form itself. */
export function aboutFields(survey: Survey): readonly RespondentField[] {
  return questionSetOfSurvey(survey)?.about ?? [];
}
export type AboutKey = AboutSlot;

/** The key of an "about you" field (never "survey": the form itself says that). */
export const aboutKey = (field: RespondentField) => field.key as AboutKey;
export type About = Partial<Record<AboutKey, string>>;

/** The label for an "about you" question in this wording. */
export function aboutQuestion(field: RespondentField, wording: Wording): string {
  return wording === "easy" ? field.easyQuestion : field.question;
}

/** Keeps only answers this form allows; anything else is reported by question code. */
export function checkAnswers(questions: readonly Question[], given: Record<string, string>): { answers: Record<string, string>; problems: string[] } {
  const answers: Record<string, string> = {};
  const problems: string[] = [];
  for (const [code, value] of Object.entries(given)) {
    if (value === "") continue;
    const question = questions.find((q) => q.code === code);
    if (!question) problems.push(`${code} is not a question on this form`);
    else if (!question.scale.options.some((o) => o.id === value)) problems.push(`"${value}" is not an answer to ${code}`);
    else answers[code] = value;
  }
  return { answers, problems };
}

/** Keeps only "about you" answers that are one of the field's values; blanks mean "prefer not to say". */
export function checkAbout(survey: Survey, given: Record<string, string | undefined>): About {
  const about: About = {};
  for (const field of aboutFields(survey)) {
    const value = given[aboutKey(field)];
    if (value && field.values.some((v) => v.id === value)) about[aboutKey(field)] = value;
  }
  return about;
}

/** One finished questionnaire as the analysis reads it (the same shape an imported file gives). */
export function toRespondent(id: string, survey: Survey, answers: Record<string, string>, about: About): Respondent {
  return {
    id,
    survey,
    ageBand: about.ageBand ?? null,
    supportReason: about.supportReason ?? null,
    budgetManagement: about.budgetManagement ?? null,
    answers,
  };
}

/** The form's title for a person, e.g. "POET survey for carers" (easy read: "Questions for carers"). */
export function formTitle(survey: Survey, easy: boolean): string {
  const form = surveyForm(survey);
  if (!form) return "POET survey";
  return easy ? form.easyTitle : form.title;
}

/** The form's name for staff, e.g. "Carer form". */
export function formName(survey: Survey): string {
  return surveyForm(survey)?.formName ?? survey;
}
