import { question, type Question, type QuestionKind, type QuestionSet } from "./questionSet";
import { field, type SurveyForm } from "./respondentFields";
import { differenceScale, easeScale, extentScale, supportiveScale, yesNoScale, type AnswerScale } from "./scales";

// POET for children's services: young people with a personal budget or an education, health and care
// (EHC) plan, and their parents. In Control and Lancaster University adapted POET for children's services;
// the official questionnaire is not public, so the wording here is ours, written from the published
// descriptions (wordingApproximate), and the codes are ours. A council that loads the official wording
// replaces the text, never the codes.

const youngPerson = ["young-person"] as const;
const parent = ["parent"] as const;
const both = ["young-person", "parent"] as const;

const surveys: readonly SurveyForm[] = [
  {
    id: "young-person",
    label: "Young person",
    aliases: ["young people", "child", "children", "child or young person", "cyp", "yp"],
    groupLabel: "Young people",
    noun: ["young person", "young people"],
    formName: "Young person form",
    title: "POET survey for young people",
    easyTitle: "Questions about your support",
    invitation: "Tell us how your support has gone",
  },
  {
    id: "parent",
    label: "Parent or carer",
    aliases: ["parent", "parents", "parents and carers", "parent carer", "parent carers", "family"],
    groupLabel: "Parents and carers",
    noun: ["parent or carer", "parents and carers"],
    formName: "Parent or carer form",
    title: "POET survey for parents and carers",
    easyTitle: "Questions for parents and carers",
    invitation: "Tell us how your child's support has gone",
  },
];

const ageBand = field({
  key: "ageBand",
  column: "age_band",
  groupPrefix: "age",
  title: "Age of the child or young person",
  required: false,
  values: [
    { id: "0-10", label: "Under 11", aliases: ["0-10", "0 to 10", "under 11", "primary"], groupLabel: "Children under 11" },
    { id: "11-15", label: "11 to 15", aliases: ["11-15", "11 - 15", "secondary"], groupLabel: "Aged 11 to 15" },
    { id: "16-25", label: "16 to 25", aliases: ["16-25", "16 - 25", "16 plus", "16+", "post 16", "post-16"], groupLabel: "Aged 16 to 25" },
  ],
  question: "The age of the child or young person",
  easyQuestion: "How old is the child or young person?",
});

// The four broad areas of need of the SEND Code of Practice (2015).
const mainNeed = field({
  key: "supportReason",
  column: "main_need",
  groupPrefix: "need",
  title: "Main area of need",
  required: false,
  values: [
    { id: "communication", label: "Communication and interaction", aliases: ["communication", "speech language and communication", "autism", "asd"] },
    { id: "cognition", label: "Cognition and learning", aliases: ["cognition", "learning", "learning difficulty"] },
    { id: "semh", label: "Social, emotional and mental health", aliases: ["semh", "social emotional and mental health", "mental health"] },
    { id: "sensory-physical", label: "Sensory and/or physical", aliases: ["sensory", "physical", "sensory and physical", "sensory or physical"] },
  ],
  question: "The main area of need",
  easyQuestion: "What is the main thing the support helps with?",
});

const budget = field({
  key: "budgetManagement",
  column: "budget_management",
  groupPrefix: "budget",
  title: "How the budget is managed",
  required: false,
  values: [
    { id: "direct-payment", label: "Direct payment", aliases: ["dp", "direct payments"] },
    { id: "school-managed", label: "Managed by a school or college", aliases: ["school", "college", "school managed", "setting managed"] },
    { id: "council-managed", label: "Council-managed", aliases: ["council managed budget", "managed by the council", "local authority managed", "la managed", "notional"] },
    { id: "no-budget", label: "No personal budget (EHC plan only)", aliases: ["no budget", "none", "ehc plan only", "plan only"] },
  ],
  question: "How the personal budget is managed",
  easyQuestion: "Who looks after the money?",
});

type Spec = [code: string, text: string, easyRead: string, what: string, easyWhat: string];

const make = (kind: QuestionKind, surveysAsked: readonly string[], scale: AnswerScale) =>
  ([code, text, easyRead, positivePhrase, easyPhrase]: Spec): Question =>
    question({ code, kind, surveys: surveysAsked, text, easyRead, scale, positivePhrase, easyPhrase });

const outcome = ([code, what, easyRead, phrase, easyPhrase]: Spec) =>
  make("outcome", youngPerson, differenceScale)([code, `What difference has your support made to ${what}?`, easyRead, `said their support ${phrase}`, `said ${easyPhrase}`]);
const familyOutcome = ([code, what, easyRead, phrase, easyPhrase]: Spec) =>
  make("carer-outcome", parent, differenceScale)([code, `What difference has your child's support made to ${what}?`, easyRead, `said the support ${phrase}`, `said ${easyPhrase}`]);

/** POET for children's services (young people and their parents). Codes ours; wording approximate. */
export const children: QuestionSet = {
  version: "children-v1",
  title: "POET children's services survey (young people and parents)",
  shortTitle: "Children's services",
  wordingApproximate: true,
  surveys,
  about: [ageBand, mainNeed, budget],
  questions: [
    outcome(["Y_HEALTH", "your health", "Are you healthier since you got your support?", "improved their health", "they are healthier"]),
    outcome(["Y_LEARNING", "how you get on at school, college or training", "Is school or college going better?", "helped them get on at school, college or training", "school or college is going better"]),
    outcome(["Y_FRIENDS", "your friendships", "Do you have more friends?", "improved their friendships", "they have more friends"]),
    outcome(["Y_FAMILY", "getting on with your family", "Do you get on better with your family?", "improved how they get on with their family", "they get on better with their family"]),
    outcome(["Y_SAFE", "feeling safe", "Do you feel safer?", "helped them feel safe", "they feel safer"]),
    outcome(["Y_CHOICE", "your choice and control over your support", "Do you choose more about your help?", "gave them more choice and control over their support", "they choose more about their help"]),
    outcome(["Y_INDEPENDENCE", "doing things for yourself", "Can you do more things for yourself?", "helped them do more for themselves", "they can do more things for themselves"]),
    outcome(["Y_ADULT_LIFE", "getting ready for adult life", "Are you more ready for being an adult?", "helped them get ready for adult life", "they are more ready for being an adult"]),
    outcome(["Y_HAPPY", "how happy you feel", "Do you feel happier?", "helped them feel happier", "they feel happier"]),
    familyOutcome(["F_CHILD_QOL", "your child's quality of life", "Is life better for your child?", "improved their child's quality of life", "life is better for their child"]),
    familyOutcome(["F_FAMILY_LIFE", "your family's life", "Is family life better?", "improved family life", "family life is better"]),
    familyOutcome(["F_WELL", "you staying well", "Are you staying well?", "helped them stay well", "they are staying well"]),
    familyOutcome(["F_WORK", "you being able to work, study or have time for yourself", "Do you have more time to work, study or rest?", "helped them work, study or have time for themselves", "they have more time to work, study or rest"]),
    make("process", both, easeScale)(["K_INFO", "How easy was it to get information and advice?", "Was it easy to get information and help?", "found getting information and advice easy", "said getting information was easy"]),
    make("process", both, easeScale)(["K_ASSESSMENT", "How easy was the assessment of needs (such as the EHC needs assessment)?", "Was the assessment easy?", "found the assessment easy", "said the assessment was easy"]),
    make("process", both, easeScale)(["K_PLANNING", "How easy was planning the support?", "Was planning the help easy?", "found planning the support easy", "said planning the help was easy"]),
    make("process", both, easeScale)(["K_GET_SUPPORT", "How easy was it to get the support wanted?", "Was it easy to get the help you wanted?", "found getting the support they wanted easy", "said getting the help they wanted was easy"]),
    make("process", both, extentScale)(["K_VIEWS_INCLUDED", "Were the young person's views included in the plan?", "Did people listen to the young person when making the plan?", "said the young person's views were fully or mostly included", "said people listened to the young person"]),
    make("process", both, extentScale)(["K_FAMILY_VIEWS", "Were the family's views included in the plan?", "Did people listen to the family when making the plan?", "said the family's views were fully or mostly included", "said people listened to the family"]),
    make("process", both, yesNoScale)(["K_KNEW_AMOUNT", "Did you know how much the personal budget was when planning?", "Did you know how much money there was when planning?", "knew the budget amount when planning", "knew how much money there was"]),
    make("process", both, supportiveScale)(["K_COUNCIL_SUPPORTIVE", "How supportive was the council?", "Did the council help you?", "found the council supportive", "said the council helped them"]),
  ],
  processConditions: [
    { id: "K_EASY", phrase: "found the process easy", questions: ["K_INFO", "K_ASSESSMENT", "K_PLANNING", "K_GET_SUPPORT"] },
    { id: "K_VIEWS_INCLUDED", phrase: "said the young person's views were included", questions: ["K_VIEWS_INCLUDED"] },
    { id: "K_FAMILY_VIEWS", phrase: "said the family's views were included", questions: ["K_FAMILY_VIEWS"] },
    { id: "K_KNEW_AMOUNT", phrase: "knew the budget amount", questions: ["K_KNEW_AMOUNT"] },
    { id: "K_COUNCIL_SUPPORTIVE", phrase: "found the council supportive", questions: ["K_COUNCIL_SUPPORTIVE"] },
  ],
};
