import { question, type Question, type QuestionKind, type QuestionSet } from "./questionSet";
import { ageBandField, field, type SurveyForm } from "./respondentFields";
import { differenceScale, easeScale, extentScale, supportiveScale, yesNoScale, type AnswerScale } from "./scales";

// POET for personal health budgets (NHS): budget holders and their carers. In Control and Lancaster
// University adapted POET for personal health budgets (Hatton and Waters, The POET Surveys of Personal Health
// Budget Holders and Carers 2013). The wording here is ours, written from that report's description
// (wordingApproximate); the codes are ours. A council or ICB that loads the official wording replaces the
// text, never the codes.

const holder = ["health-holder"] as const;
const carer = ["health-carer"] as const;
const both = ["health-holder", "health-carer"] as const;

const surveys: readonly SurveyForm[] = [
  {
    id: "health-holder",
    label: "Personal health budget holder",
    aliases: ["budget holder", "budget holders", "holder", "patient", "person", "phb holder", "health budget holder"],
    groupLabel: "Health budget holders",
    noun: ["health budget holder", "health budget holders"],
    formName: "Health budget holder form",
    title: "POET survey for people with a personal health budget",
    easyTitle: "Questions about your personal health budget",
    invitation: "Tell us how your personal health budget has gone",
  },
  {
    id: "health-carer",
    label: "Carer",
    aliases: ["carers", "family carer", "family carers", "phb carer"],
    groupLabel: "Carers of health budget holders",
    noun: ["carer", "carers"],
    formName: "Carer form (health budgets)",
    title: "POET survey for carers of people with a personal health budget",
    easyTitle: "Questions for carers",
    invitation: "Tell us how the personal health budget has gone for you as a carer",
  },
];

const ageBand = field({
  ...ageBandField,
  values: [{ id: "under-18", label: "Under 18", aliases: ["0-17", "under 18", "child", "children"], groupLabel: "Aged under 18" }, ...ageBandField.values],
});

const healthNeed = field({
  key: "supportReason",
  column: "health_need",
  groupPrefix: "health",
  title: "Main reason for the health budget",
  required: false,
  values: [
    { id: "continuing-healthcare", label: "NHS Continuing Healthcare", aliases: ["chc", "continuing healthcare", "continuing care", "children's continuing care"] },
    { id: "mental-health", label: "Mental health (including section 117 aftercare)", aliases: ["mental health", "s117", "section 117", "aftercare"] },
    { id: "long-term-condition", label: "Long-term condition", aliases: ["ltc", "long term condition", "long-term conditions"] },
    { id: "learning-disability-autism", label: "Learning disability or autism", aliases: ["learning disability", "autism", "ld"] },
    { id: "wheelchair", label: "Wheelchair", aliases: ["personal wheelchair budget", "pwb"] },
    { id: "end-of-life", label: "End of life care", aliases: ["end of life", "palliative"] },
  ],
  question: "The main reason you have a personal health budget",
  easyQuestion: "What is the main thing your health budget is for?",
});

const budgetType = field({
  key: "budgetManagement",
  column: "budget_type",
  groupPrefix: "phb",
  title: "How the health budget is held",
  required: false,
  values: [
    { id: "notional", label: "Notional budget", aliases: ["notional", "managed by the nhs", "nhs managed", "icb managed", "ccg managed"] },
    { id: "third-party", label: "Third-party budget", aliases: ["third party", "third-party", "managed by an organisation", "provider managed"] },
    { id: "direct-payment", label: "Direct payment", aliases: ["dp", "direct payments", "direct payment for healthcare"] },
  ],
  question: "How your health budget is held",
  easyQuestion: "Who looks after the money?",
});

type Spec = [code: string, text: string, easyRead: string, what: string, easyWhat: string];

const make = (kind: QuestionKind, surveysAsked: readonly string[], scale: AnswerScale) =>
  ([code, text, easyRead, positivePhrase, easyPhrase]: Spec): Question =>
    question({ code, kind, surveys: surveysAsked, text, easyRead, scale, positivePhrase, easyPhrase });

const outcome = ([code, what, easyRead, phrase, easyPhrase]: Spec) =>
  make("outcome", holder, differenceScale)([code, `What difference has your personal health budget made to ${what}?`, easyRead, `said their health budget ${phrase}`, `said ${easyPhrase}`]);
const carerOutcome = ([code, what, easyRead, phrase, easyPhrase]: Spec) =>
  make("carer-outcome", carer, differenceScale)([code, `What difference has the personal health budget made to ${what}?`, easyRead, `said the health budget ${phrase}`, `said ${easyPhrase}`]);

/** POET for personal health budgets (holders and carers). Codes ours; wording approximate. */
export const healthBudgets: QuestionSet = {
  version: "health-budget-v1",
  title: "POET personal health budget survey (holders and carers)",
  shortTitle: "Personal health budgets",
  wordingApproximate: true,
  surveys,
  about: [ageBand, healthNeed, budgetType],
  questions: [
    outcome(["H_PHYSICAL_HEALTH", "your physical health", "Is your body healthier since you got your health budget?", "improved their physical health", "their body is healthier"]),
    outcome(["H_MENTAL_WELLBEING", "your mental wellbeing", "Do you feel better in yourself?", "improved their mental wellbeing", "they feel better in themselves"]),
    outcome(["H_QOL", "your quality of life", "Is your life better since you got your health budget?", "improved their quality of life", "their life is better"]),
    outcome(["H_CONTROL_CARE", "your control over your care and support", "Do you choose more about your care?", "gave them more control over their care", "they choose more about their care"]),
    outcome(["H_INDEPENDENCE", "your independence", "Can you do more things for yourself?", "made them more independent", "they can do more things for themselves"]),
    outcome(["H_DIGNITY", "your dignity in the care you get", "Are you treated with more respect?", "improved their dignity in the care they get", "they are treated with more respect"]),
    outcome(["H_SAFE", "feeling safe", "Do you feel safer?", "helped them feel safe", "they feel safer"]),
    outcome(["H_FAMILY", "your relationships with your family", "Do you get on better with your family?", "improved their relationships with family", "they get on better with their family"]),
    outcome(["H_CARE_WHEN_NEEDED", "getting care when you need it", "Can you get care when you need it?", "helped them get care when they need it", "they get care when they need it"]),
    carerOutcome(["HC_WELL", "you remaining well", "Are you staying well since the health budget?", "helped them stay well", "they are staying well"]),
    carerOutcome(["HC_CONTINUE", "you being able to continue caring", "Can you keep on caring?", "helped them keep caring", "they can keep on caring"]),
    carerOutcome(["HC_QOL", "your own quality of life", "Is your own life better?", "improved their own quality of life", "their own life is better"]),
    carerOutcome(["HC_CARED_QOL", "the quality of life of the person you care for", "Is life better for the person you care for?", "improved life for the person they care for", "life is better for the person they care for"]),
    make("process", both, easeScale)(["HP_INFO", "How easy was it to get information and advice about personal health budgets?", "Was it easy to get information and help?", "found getting information and advice easy", "said getting information was easy"]),
    make("process", both, easeScale)(["HP_PLANNING", "How easy was planning your care and support?", "Was planning your care easy?", "found planning their care easy", "said planning their care was easy"]),
    make("process", both, easeScale)(["HP_CONTROL_MONEY", "How easy was it to control how the money was spent?", "Was it easy to choose how the money is spent?", "found controlling how the money was spent easy", "said choosing how the money is spent was easy"]),
    make("process", both, easeScale)(["HP_GET_SUPPORT", "How easy was it to get the care and support you wanted?", "Was it easy to get the care you wanted?", "found getting the care they wanted easy", "said getting the care they wanted was easy"]),
    make("process", both, extentScale)(["HP_VIEWS_INCLUDED", "Were your views included in your care plan?", "Did people listen to you when making your care plan?", "said their views were fully or mostly included in the care plan", "said people listened to them"]),
    make("process", both, yesNoScale)(["HP_KNEW_AMOUNT", "Did you know how much your health budget was when planning?", "Did you know how much money you had when planning?", "knew their budget amount when planning", "knew how much money they had"]),
    make("process", both, yesNoScale)(["HP_HELP_TO_PLAN", "Did you have help to plan your care?", "Did someone help you plan?", "had help to plan their care", "had help to plan"]),
    make("process", both, supportiveScale)(["HP_NHS_SUPPORTIVE", "How supportive was the NHS team that arranged your health budget?", "Did the NHS team help you?", "found the NHS team supportive", "said the NHS team helped them"]),
  ],
  processConditions: [
    { id: "HP_EASY", phrase: "found the process easy", questions: ["HP_INFO", "HP_PLANNING", "HP_CONTROL_MONEY", "HP_GET_SUPPORT"] },
    { id: "HP_VIEWS_INCLUDED", phrase: "said their views were included", questions: ["HP_VIEWS_INCLUDED"] },
    { id: "HP_KNEW_AMOUNT", phrase: "knew their budget amount", questions: ["HP_KNEW_AMOUNT"] },
    { id: "HP_HELP_TO_PLAN", phrase: "had help to plan", questions: ["HP_HELP_TO_PLAN"] },
    { id: "HP_NHS_SUPPORTIVE", phrase: "found the NHS team supportive", questions: ["HP_NHS_SUPPORTIVE"] },
  ],
};
