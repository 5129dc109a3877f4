import { labelMatcher, type LabelledValue } from "./labels";

/**
 * The form a person answered, by id. Ids are unique across question sets (`holder`, `carer` for adults;
 * `young-person`, `parent` for children's services; `health-holder`, `health-carer` for personal health
 * budgets), so a survey id alone says which set and form it belongs to.
 */
export type Survey = string;
export type AgeBand = string;
export type SupportReason = string;
export type BudgetManagement = string;

/** The three "about the person" slots every question set fills with its own breakdowns (stored under these keys). */
export type AboutSlot = "ageBand" | "supportReason" | "budgetManagement";

/** One person's answers: labels are the canonical labels of the question's scale; blanks are absent. */
export type Respondent = {
  id: string;
  survey: Survey;
  ageBand: AgeBand | null;
  supportReason: SupportReason | null;
  budgetManagement: BudgetManagement | null;
  answers: Record<string, string>;
};

/**
 * A column about the person, with its allowed values. `required` fields may not be blank. `question` and
 * `easyQuestion` are how a survey form asks it ("Your age", "How old are you?").
 */
export type RespondentField<Id extends string = string> = {
  key: "survey" | AboutSlot;
  column: string;
  groupPrefix: string;
  title: string;
  required: boolean;
  values: readonly (LabelledValue<Id> & { groupLabel?: string })[];
  match: (text: string) => Id | undefined;
  question: string;
  easyQuestion: string;
};

/** Builds a field with its matcher. */
export function field<Id extends string>(spec: Omit<RespondentField<Id>, "match">): RespondentField<Id> {
  return { ...spec, match: labelMatcher(spec.values) };
}

/** One form of a question set (budget holder, carer, young person, parent…) and how it is named. */
export type SurveyForm = {
  id: Survey;
  /** One person of this form, as a file may write it: "Budget holder". */
  label: string;
  aliases: readonly string[];
  /** The group on a round page: "Budget holders". */
  groupLabel: string;
  /** Counting words for summaries: ["budget holder", "budget holders"]. */
  noun: readonly [string, string];
  /** The form's name for staff: "Budget holder form". */
  formName: string;
  /** The form's title for the person answering, standard and easy read. */
  title: string;
  easyTitle: string;
  /** The heading of the invitation letter: "Tell us how your personal budget has gone". */
  invitation: string;
};

export const adultSurveys: readonly SurveyForm[] = [
  {
    id: "holder",
    label: "Budget holder",
    aliases: ["budget holders", "person", "holder", "service user", "adult", "personal budget holder"],
    groupLabel: "Budget holders",
    noun: ["budget holder", "budget holders"],
    formName: "Budget holder form",
    title: "POET survey for people with a personal budget",
    easyTitle: "Questions about your personal budget",
    invitation: "Tell us how your personal budget has gone",
  },
  {
    id: "carer",
    label: "Carer",
    aliases: ["carers", "family carer", "family carers"],
    groupLabel: "Carers",
    noun: ["carer", "carers"],
    formName: "Carer form",
    title: "POET survey for carers",
    easyTitle: "Questions for carers",
    invitation: "Tell us how the personal budget has gone for you as a carer",
  },
];

/** The `survey` column of a question set: which of its forms each person answered. */
export function surveyFieldOf(surveys: readonly SurveyForm[]): RespondentField {
  return field({
    key: "survey",
    column: "survey",
    groupPrefix: "survey",
    title: "Survey",
    required: true,
    values: surveys.map((s) => ({ id: s.id, label: s.label, aliases: s.aliases, groupLabel: s.groupLabel })),
    question: "Survey",
    easyQuestion: "Survey",
  });
}

/** The adult set's `survey` column (budget holder or carer). */
export const surveyField = surveyFieldOf(adultSurveys);

export const ageBandField = field({
  key: "ageBand",
  column: "age_band",
  groupPrefix: "age",
  title: "Age band",
  required: false,
  values: [
    { id: "18-64", label: "18-64", aliases: ["18 to 64", "aged 18-64", "under 65", "18 - 64", "working age"], groupLabel: "Aged 18 to 64" },
    { id: "65-plus", label: "65+", aliases: ["65 and over", "65 or over", "65 plus", "over 65", "65 and older", "aged 65+", "older people"], groupLabel: "Aged 65 and over" },
  ],
  question: "Your age",
  easyQuestion: "How old are you?",
});

export const supportReasonField = field({
  key: "supportReason",
  column: "support_reason",
  groupPrefix: "reason",
  title: "Primary support reason",
  required: false,
  values: [
    { id: "physical", label: "Physical support", aliases: ["physical", "physical disability"] },
    { id: "sensory", label: "Sensory support", aliases: ["sensory", "sensory impairment"] },
    { id: "memory-cognition", label: "Support with memory and cognition", aliases: ["memory and cognition", "memory cognition", "dementia"] },
    { id: "learning-disability", label: "Learning disability support", aliases: ["learning disability", "learning disabilities", "ld"] },
    { id: "mental-health", label: "Mental health support", aliases: ["mental health"] },
    { id: "social-support", label: "Social support", aliases: ["social"] },
  ],
  question: "The main reason you get support",
  easyQuestion: "What is the main thing you get support for?",
});

export const budgetManagementField = field({
  key: "budgetManagement",
  column: "budget_management",
  groupPrefix: "budget",
  title: "How the budget is managed",
  required: false,
  values: [
    { id: "direct-payment", label: "Direct payment", aliases: ["dp", "direct payments"] },
    { id: "direct-payment-family", label: "Direct payment run by family or a friend", aliases: ["direct payment family", "direct payment managed by family", "dp family", "family managed direct payment"] },
    { id: "provider-managed", label: "Individual service fund", aliases: ["isf", "provider managed", "provider-managed", "individual service fund provider managed"] },
    { id: "council-managed", label: "Council-managed", aliases: ["council managed budget", "managed by the council", "local authority managed", "la managed"] },
    { id: "broker", label: "Broker", aliases: ["brokerage", "managed by a broker"] },
  ],
  question: "How your budget is managed",
  easyQuestion: "How is your budget looked after?",
});

/** The adult set's four columns about the person, in file order. */
export const respondentFields = [surveyField, ageBandField, supportReasonField, budgetManagementField] as const;
