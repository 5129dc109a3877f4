import { question, type QuestionSet } from "./questionSet";
import { adultSurveys, ageBandField, budgetManagementField, supportReasonField } from "./respondentFields";
import { differenceScale, easeScale, extentScale, supportiveScale, yesNoScale } from "./scales";

const holder = ["holder"] as const;
const carer = ["carer"] as const;
const both = ["holder", "carer"] as const;

const outcome = (code: string, text: string, easyRead: string, what: string, easyWhat: string) =>
  question({
    code,
    kind: "outcome",
    surveys: holder,
    text: `What difference has your personal budget made to ${text}?`,
    easyRead,
    scale: differenceScale,
    positivePhrase: `said their budget ${what}`,
    easyPhrase: `said ${easyWhat}`,
  });

const carerOutcome = (code: string, text: string, easyRead: string, what: string, easyWhat: string) =>
  question({
    code,
    kind: "carer-outcome",
    surveys: carer,
    text: `What difference has the personal budget made to ${text}?`,
    easyRead,
    scale: differenceScale,
    positivePhrase: `said the budget ${what}`,
    easyPhrase: `said ${easyWhat}`,
  });

/** The adult social care POET question set (third national survey, 2014). Codes are ours. */
export const adult2014: QuestionSet = {
  version: "adult-2014",
  title: "POET adult social care survey (2014 questions)",
  shortTitle: "Adult social care",
  wordingApproximate: false,
  surveys: adultSurveys,
  about: [ageBandField, supportReasonField, budgetManagementField],
  questions: [
    outcome("O_DIGNITY", "your dignity in the support you get", "Are you treated with more respect since you got your budget?", "improved their dignity in the support they get", "they are treated with more respect"),
    outcome("O_QOL", "your quality of life", "Is your life better since you got your budget?", "improved their quality of life", "their life is better"),
    outcome("O_INDEPENDENCE", "your independence", "Can you do more things for yourself since you got your budget?", "made them more independent", "they can do more things for themselves"),
    outcome("O_ARRANGE_SUPPORT", "getting support when you want it", "Can you get help when you want it since you got your budget?", "helped them get support when they want it", "they get help when they want it"),
    outcome("O_PHYSICAL_HEALTH", "your physical health", "Is your body healthier since you got your budget?", "improved their physical health", "their body is healthier"),
    outcome("O_MENTAL_WELLBEING", "your mental wellbeing", "Do you feel better in yourself since you got your budget?", "improved their mental wellbeing", "they feel better in themselves"),
    outcome("O_CONTROL_LIFE", "your control over the important things in your life", "Do you choose more of the big things in your life since you got your budget?", "gave them more control over important things in life", "they choose more of the big things in their life"),
    outcome("O_CONTROL_SUPPORT", "your control over your support", "Do you choose more about your help since you got your budget?", "gave them more control over their support", "they choose more about their help"),
    outcome("O_SAFE", "feeling safe", "Do you feel safer since you got your budget?", "helped them feel safe", "they feel safer"),
    outcome("O_PAID_SUPPORTERS", "your relationships with paid supporters", "Do you get on better with your paid helpers since you got your budget?", "improved their relationships with paid supporters", "they get on better with paid helpers"),
    outcome("O_FAMILY", "your relationships with your family", "Do you get on better with your family since you got your budget?", "improved their relationships with family", "they get on better with their family"),
    outcome("O_FRIENDS", "your friendships", "Do you have more friends since you got your budget?", "improved their friendships", "they have more friends"),
    outcome("O_SELF_ESTEEM", "how you feel about yourself", "Do you feel better about yourself since you got your budget?", "helped them feel better about themselves", "they feel better about themselves"),
    outcome("O_HOME", "where you live and who you live with", "Are you happier with where you live and who you live with?", "improved where and with whom they live", "they are happier with where they live"),
    outcome("O_JOB", "getting or keeping a paid job", "Is it easier to get or keep a paid job since you got your budget?", "helped them get or keep a paid job", "it is easier to have a job"),
    outcome("O_VOLUNTEER", "volunteering", "Do you do more volunteering since you got your budget?", "helped them volunteer", "they do more volunteering"),
    carerOutcome("C_WELL", "you remaining well", "Are you staying well since the budget?", "helped them stay well", "they are staying well"),
    carerOutcome("C_CONTINUE", "you being able to continue caring", "Can you keep on caring since the budget?", "helped them keep caring", "they can keep on caring"),
    carerOutcome("C_QOL", "your own quality of life", "Is your own life better since the budget?", "improved their own quality of life", "their own life is better"),
    carerOutcome("C_CARED_QOL", "the quality of life of the person you care for", "Is life better for the person you care for since the budget?", "improved life for the person they care for", "life is better for the person they care for"),
    processQuestion("P_INFO", easeScale, "How easy was it to get information and advice?", "Was it easy to get information and help?", "found getting information and advice easy", "said getting information was easy"),
    processQuestion("P_ASSESSMENT", easeScale, "How easy was the assessment?", "Was your assessment easy?", "found the assessment easy", "said the assessment was easy"),
    processQuestion("P_PLANNING", easeScale, "How easy was planning your support?", "Was planning your help easy?", "found planning their support easy", "said planning their help was easy"),
    processQuestion("P_CONTROL_MONEY", easeScale, "How easy was it to control how the money was spent?", "Was it easy to choose how the money is spent?", "found controlling how the money was spent easy", "said choosing how the money is spent was easy"),
    processQuestion("P_GET_SUPPORT", easeScale, "How easy was it to get the support you wanted?", "Was it easy to get the help you wanted?", "found getting the support they wanted easy", "said getting the help they wanted was easy"),
    processQuestion("P_VIEWS_INCLUDED", extentScale, "Were your views included in planning your support?", "Did people listen to you when planning your help?", "said their views were fully or mostly included in planning", "said people listened to them when planning"),
    processQuestion("P_KNEW_AMOUNT", yesNoScale, "Did you know how much your budget was when planning?", "Did you know how much money you had when planning?", "knew their budget amount when planning", "knew how much money they had"),
    processQuestion("P_HELP_TO_PLAN", yesNoScale, "Did you have help to plan your support?", "Did someone help you plan?", "had help to plan their support", "had help to plan"),
    processQuestion("P_COUNCIL_SUPPORTIVE", supportiveScale, "How supportive was the council?", "Did the council help you?", "found the council supportive", "said the council helped them"),
  ],
  processConditions: [
    { id: "P_EASY", phrase: "found the process easy", questions: ["P_INFO", "P_ASSESSMENT", "P_PLANNING", "P_CONTROL_MONEY", "P_GET_SUPPORT"] },
    { id: "P_VIEWS_INCLUDED", phrase: "said their views were included", questions: ["P_VIEWS_INCLUDED"] },
    { id: "P_KNEW_AMOUNT", phrase: "knew their budget amount", questions: ["P_KNEW_AMOUNT"] },
    { id: "P_HELP_TO_PLAN", phrase: "had help to plan", questions: ["P_HELP_TO_PLAN"] },
    { id: "P_COUNCIL_SUPPORTIVE", phrase: "found the council supportive", questions: ["P_COUNCIL_SUPPORTIVE"] },
  ],
};

function processQuestion(
  code: string,
  scale: typeof easeScale,
  text: string,
  easyRead: string,
  positivePhrase: string,
  easyPhrase: string,
) {
  return question({ code, kind: "process", surveys: both, text, easyRead, scale, positivePhrase, easyPhrase });
}
