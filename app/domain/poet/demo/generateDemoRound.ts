import { adult2014 } from "../adult2014";
import type { Question } from "../questionSet";
import type { AgeBand, BudgetManagement, Respondent, SupportReason } from "../respondentFields";
import { DEMO_ODDS_RATIOS, drawOutcome, outcomeLogOdds, tuneIntercept, type FlagRates, type ProcessFlags } from "./outcomeModel";
import { pick, seededRandom } from "./random";

/**
 * Points added to the demo's typical figure for its deliberate strengths (+) and weaknesses (−). Strengths
 * are on questions where England's published figure could be beaten (a single figure, or "under 20%"):
 * nobody can be shown to beat "at least two thirds".
 */
export const DEMO_DELIBERATE_GAPS: Readonly<Record<string, number>> = { O_JOB: 13, P_VIEWS_INCLUDED: 10, O_SAFE: -15, P_KNEW_AMOUNT: -15 };

/**
 * Where the synthetic council sits before its deliberate gaps (%): inside each published national band
 * ("over 80%" as 81, "at least two thirds" as 67), and a plausible value where nothing was published.
 * Demo assumptions only; the benchmark never uses them.
 */
const TYPICAL: Readonly<Record<string, number>> = {
  O_DIGNITY: 81, O_QOL: 81, O_INDEPENDENCE: 71, O_ARRANGE_SUPPORT: 71, O_PHYSICAL_HEALTH: 61, O_MENTAL_WELLBEING: 67,
  O_CONTROL_LIFE: 67, O_CONTROL_SUPPORT: 62, O_SAFE: 67, O_PAID_SUPPORTERS: 67, O_FAMILY: 67, O_FRIENDS: 67, O_SELF_ESTEEM: 67,
  O_HOME: 50, O_JOB: 15, O_VOLUNTEER: 15, C_WELL: 67, C_CONTINUE: 67, C_QOL: 67, C_CARED_QOL: 67, P_COUNCIL_SUPPORTIVE: 60,
};

export const SYNTHETIC_NOTE = "Synthetic demo data made by a seeded generator: not real people, not a real council.";

const RATES: FlagRates = { easy: 0.6, views: 0.8 + DEMO_DELIBERATE_GAPS.P_VIEWS_INCLUDED / 100, knew: 0.5 + DEMO_DELIBERATE_GAPS.P_KNEW_AMOUNT / 100, help: 0.6 };
const EASE_ITEMS = ["P_INFO", "P_ASSESSMENT", "P_PLANNING", "P_CONTROL_MONEY", "P_GET_SUPPORT"];

const national = (code: string) => (TYPICAL[code] ?? 50) / 100;
const clampRate = (r: number) => Math.min(0.97, Math.max(0.03, r));

/** Answer labels to use for a good and a not-good answer, with weights. */
const answersFor: Record<string, { good: [string, number][]; notGood: [string, number][] }> = {
  difference: { good: [["a lot better", 0.4], ["better", 0.6]], notGood: [["no change", 0.8], ["worse", 0.14], ["a lot worse", 0.06]] },
  ease: { good: [["very easy", 0.4], ["easy", 0.6]], notGood: [["neither", 0.5], ["difficult", 0.35], ["very difficult", 0.15]] },
  "yes-no": { good: [["yes", 1]], notGood: [["no", 1]] },
  extent: { good: [["fully", 0.5], ["mostly", 0.5]], notGood: [["partly", 0.75], ["not at all", 0.25]] },
  supportive: { good: [["very supportive", 0.45], ["fairly supportive", 0.55]], notGood: [["not very supportive", 0.7], ["not at all supportive", 0.3]] },
};

/** A synthetic POET round for the demo council: seeded, so the same seed and size always give the same people. */
export function generateDemoRound(options: { seed: number; respondents: number }): { respondents: Respondent[]; synthetic: true; note: string } {
  const random = seededRandom(options.seed);
  const outcomes = adult2014.questions.filter((q) => q.kind !== "process");
  const intercepts = new Map(
    outcomes.map((q) => {
      const views = q.kind === "carer-outcome" ? DEMO_ODDS_RATIOS.carerViews : DEMO_ODDS_RATIOS.views;
      return [q.code, tuneIntercept(clampRate(national(q.code) + (DEMO_DELIBERATE_GAPS[q.code] ?? 0) / 100), RATES, views)];
    }),
  );
  const respondents: Respondent[] = [];
  for (let i = 0; i < options.respondents; i++) {
    const survey = random() < 0.53 ? "holder" : "carer";
    const flags: ProcessFlags = { easy: random() < RATES.easy, views: random() < RATES.views, knew: random() < RATES.knew, help: random() < RATES.help };
    const answers: Record<string, string> = {};
    const answer = (q: Question, good: boolean) => {
      const r = random();
      if (r < 0.02) return; // blank
      if (r < 0.06) return void (answers[q.code] = "don't know");
      const labels = answersFor[q.scale.id];
      answers[q.code] = pick(random, good ? labels.good : labels.notGood);
    };
    for (const q of adult2014.questions) {
      if (!q.surveys.includes(survey)) continue;
      if (EASE_ITEMS.includes(q.code)) answer(q, random() < (flags.easy ? 0.95 : 0.08));
      else if (q.code === "P_VIEWS_INCLUDED") answer(q, flags.views);
      else if (q.code === "P_KNEW_AMOUNT") answer(q, flags.knew);
      else if (q.code === "P_HELP_TO_PLAN") answer(q, flags.help);
      else if (q.code === "P_COUNCIL_SUPPORTIVE") answer(q, random() < national(q.code));
      else {
        const views = q.kind === "carer-outcome" ? DEMO_ODDS_RATIOS.carerViews : DEMO_ODDS_RATIOS.views;
        answer(q, drawOutcome(random, outcomeLogOdds(intercepts.get(q.code) ?? 0, flags, views)));
      }
    }
    respondents.push({
      id: `SYN-${String(i + 1).padStart(5, "0")}`,
      survey,
      ageBand: pick<AgeBand>(random, [["18-64", 0.45], ["65-plus", 0.55]]),
      supportReason: pick<SupportReason>(random, [["physical", 0.45], ["sensory", 0.05], ["memory-cognition", 0.12], ["learning-disability", 0.18], ["mental-health", 0.12], ["social-support", 0.08]]),
      budgetManagement: pick<BudgetManagement>(random, [["direct-payment", 0.35], ["direct-payment-family", 0.15], ["provider-managed", 0.15], ["council-managed", 0.3], ["broker", 0.05]]),
      answers,
    });
  }
  return { respondents, synthetic: true, note: SYNTHETIC_NOTE };
}
