// The questionnaire as a person meets it: which questions a form asks, in which wording, and the
// checks every answer passes before it is kept. Pure, so the server and tests share it.
import { ageBandField, budgetManagementField, supportReasonField, type Respondent, type Survey } from "../poet/respondentFields";
import type { Question, QuestionSet } from "../poet/questionSet";

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

/** The optional "about you" questions: every group the set breaks results down by, except the form itself. */
export const aboutFields = [ageBandField, supportReasonField, budgetManagementField] as const;
export type AboutKey = "ageBand" | "supportReason" | "budgetManagement";

/** The key of an "about you" field (never "survey": the form itself says that). */
export const aboutKey = (field: (typeof aboutFields)[number]) => field.key as AboutKey;
export type About = Partial<Record<AboutKey, string>>;

const ABOUT_EASY: Record<AboutKey, string> = {
  ageBand: "How old are you?",
  supportReason: "What is the main thing you get support for?",
  budgetManagement: "How is your budget looked after?",
};
const ABOUT_STANDARD: Record<AboutKey, string> = {
  ageBand: "Your age",
  supportReason: "The main reason you get support",
  budgetManagement: "How your budget is managed",
};

/** The label for an "about you" question in this wording. */
export function aboutQuestion(key: AboutKey, wording: Wording): string {
  return wording === "easy" ? ABOUT_EASY[key] : ABOUT_STANDARD[key];
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
export function checkAbout(given: Record<string, string | undefined>): About {
  const about: About = {};
  for (const field of aboutFields) {
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
    ageBand: (about.ageBand ?? null) as Respondent["ageBand"],
    supportReason: (about.supportReason ?? null) as Respondent["supportReason"],
    budgetManagement: (about.budgetManagement ?? null) as Respondent["budgetManagement"],
    answers,
  };
}

/** The form's title for a person, e.g. "POET survey for carers" (easy read: "Questions for carers"). */
export function formTitle(survey: Survey, easy: boolean): string {
  if (easy) return survey === "carer" ? "Questions for carers" : "Questions about your personal budget";
  return survey === "carer" ? "POET survey for carers" : "POET survey for people with a personal budget";
}
