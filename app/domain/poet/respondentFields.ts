import { labelMatcher, type LabelledValue } from "./labels";

export type Survey = "holder" | "carer";
export type AgeBand = "18-64" | "65-plus";
export type SupportReason =
  | "physical"
  | "sensory"
  | "memory-cognition"
  | "learning-disability"
  | "mental-health"
  | "social-support";
export type BudgetManagement = "direct-payment" | "direct-payment-family" | "provider-managed" | "council-managed" | "broker";

/** One person's answers: labels are the canonical labels of the question's scale; blanks are absent. */
export type Respondent = {
  id: string;
  survey: Survey;
  ageBand: AgeBand | null;
  supportReason: SupportReason | null;
  budgetManagement: BudgetManagement | null;
  answers: Record<string, string>;
};

/** A column about the person, with its allowed values. `required` fields may not be blank. */
export type RespondentField<Id extends string = string> = {
  key: "survey" | "ageBand" | "supportReason" | "budgetManagement";
  column: string;
  groupPrefix: string;
  title: string;
  required: boolean;
  values: readonly LabelledValue<Id>[];
  match: (text: string) => Id | undefined;
};

function field<Id extends string>(spec: Omit<RespondentField<Id>, "match">): RespondentField<Id> {
  return { ...spec, match: labelMatcher(spec.values) };
}

export const surveyField = field<Survey>({
  key: "survey",
  column: "survey",
  groupPrefix: "survey",
  title: "Survey",
  required: true,
  values: [
    { id: "holder", label: "Budget holder", aliases: ["budget holders", "person", "holder", "service user", "adult", "personal budget holder"] },
    { id: "carer", label: "Carer", aliases: ["carers", "family carer", "family carers"] },
  ],
});

export const ageBandField = field<AgeBand>({
  key: "ageBand",
  column: "age_band",
  groupPrefix: "age",
  title: "Age band",
  required: false,
  values: [
    { id: "18-64", label: "18-64", aliases: ["18 to 64", "aged 18-64", "under 65", "18 - 64", "working age"] },
    { id: "65-plus", label: "65+", aliases: ["65 and over", "65 or over", "65 plus", "over 65", "65 and older", "aged 65+", "older people"] },
  ],
});

export const supportReasonField = field<SupportReason>({
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
});

export const budgetManagementField = field<BudgetManagement>({
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
});

/** The four columns about the person, in file order. */
export const respondentFields = [surveyField, ageBandField, supportReasonField, budgetManagementField] as const;
