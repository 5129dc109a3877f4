// Councils where nothing differs from England: every answer is drawn at England's rate, independently of
// everything else. Any strength, weakness or process → outcome link found in such a round is false, so
// counting them measures the method's error rates on the page people read (docs/method.md §4, ADR 013).
import { analyseRound } from "../analyseRound";
import type { Benchmark } from "../benchmark";
import type { Finding } from "../finding";
import type { QuestionSet } from "../questionSet";
import type { AgeBand, BudgetManagement, Respondent, SupportReason } from "../respondentFields";
import { benjaminiHochberg } from "../stats/benjaminiHochberg";
import { FALSE_DISCOVERY_RATE, MIN_ANSWERS, MIN_DIFFERENCE_POINTS } from "../stats/classify";
import { pick, seededRandom } from "./random";

const DONT_KNOW_SHARE = 0.04;
/** Rate for questions with no national figure: they are never compared, but still feed the links. */
const RATE_WITHOUT_FIGURE = 0.5;

/** One null council's people: `respondents` of them, in every group the app shows, answering at England's rates. */
export function generateNullCouncil(questionSet: QuestionSet, benchmark: Benchmark, options: { seed: number; respondents: number }): Respondent[] {
  const random = seededRandom(options.seed);
  const rate = new Map(benchmark.values.filter((v) => v.group === "all").map((v) => [v.question, v.percent / 100]));
  const respondents: Respondent[] = [];
  for (let i = 0; i < options.respondents; i++) {
    const survey = random() < 0.53 ? "holder" : "carer";
    const answers: Record<string, string> = {};
    for (const question of questionSet.questions) {
      if (!question.surveys.includes(survey)) continue;
      if (random() < DONT_KNOW_SHARE) continue;
      const good = random() < (rate.get(question.code) ?? RATE_WITHOUT_FIGURE);
      const choices = question.scale.options.filter((o) => o.counts && question.positive.includes(o.id) === good);
      answers[question.code] = choices[Math.floor(random() * choices.length)].id;
    }
    respondents.push({
      id: `NULL-${i + 1}`,
      survey,
      ageBand: pick<AgeBand>(random, [["18-64", 0.45], ["65-plus", 0.55]]),
      supportReason: pick<SupportReason>(random, [["physical", 0.45], ["sensory", 0.05], ["memory-cognition", 0.12], ["learning-disability", 0.18], ["mental-health", 0.12], ["social-support", 0.08]]),
      budgetManagement: pick<BudgetManagement>(random, [["direct-payment", 0.35], ["direct-payment-family", 0.15], ["provider-managed", 0.15], ["council-managed", 0.3], ["broker", 0.05]]),
      answers,
    });
  }
  return respondents;
}

/** What a run of null councils showed: every strength, weakness and claimed link in them is false. */
export type NullSimulation = {
  rounds: number;
  respondents: number;
  groupsPerRound: number;
  /** Rounds whose page (every group) showed at least one strength or weakness. */
  roundsWithFalseFinding: number;
  falseFindings: number;
  testedFindings: number;
  /** The same rounds under the old rule (Benjamini–Hochberg inside each group), for comparison. */
  roundsWithFalseFindingPerGroup: number;
  roundsWithClaimedLink: number;
  claimedLinks: number;
  testedLinks: number;
  /** The old rule for links: any link whose 95% interval left out 1 was worded as real. */
  linksOutside1: number;
};

/** Analyses `rounds` seeded null councils and counts what their round pages would have claimed. */
export function simulateNullCouncils(questionSet: QuestionSet, benchmark: Benchmark, options: { rounds: number; respondents: number; seed: number }): NullSimulation {
  const result: NullSimulation = {
    rounds: options.rounds,
    respondents: options.respondents,
    groupsPerRound: 0,
    roundsWithFalseFinding: 0,
    falseFindings: 0,
    testedFindings: 0,
    roundsWithFalseFindingPerGroup: 0,
    roundsWithClaimedLink: 0,
    claimedLinks: 0,
    testedLinks: 0,
    linksOutside1: 0,
  };
  for (let r = 0; r < options.rounds; r++) {
    const respondents = generateNullCouncil(questionSet, benchmark, { seed: options.seed * 100_003 + r, respondents: options.respondents });
    const analysis = analyseRound(questionSet, { kind: "respondents", respondents }, benchmark);
    result.groupsPerRound = Math.max(result.groupsPerRound, analysis.groups.length);
    const claimed = analysis.findings.filter((f) => f.classification === "strength" || f.classification === "weakness").length;
    result.falseFindings += claimed;
    result.testedFindings += analysis.findings.filter((f) => f.q !== null).length;
    if (claimed > 0) result.roundsWithFalseFinding++;
    if (perGroupClaims(analysis.findings) > 0) result.roundsWithFalseFindingPerGroup++;
    const links = analysis.links.filter((l) => l.claimed).length;
    result.claimedLinks += links;
    result.testedLinks += analysis.links.length;
    result.linksOutside1 += analysis.links.filter((l) => l.ciLow > 1 || l.ciHigh < 1).length;
    if (links > 0) result.roundsWithClaimedLink++;
  }
  return result;
}

/** Strengths and weaknesses the old rule would have shown: q-values computed inside each group separately. */
function perGroupClaims(findings: readonly Finding[]): number {
  const byGroup = new Map<string, Finding[]>();
  for (const f of findings) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
  let claims = 0;
  for (const group of byGroup.values()) {
    const q = benjaminiHochberg(group.map((f) => ((f.n ?? 0) >= MIN_ANSWERS ? f.p : null)));
    group.forEach((f, i) => {
      const qi = q[i];
      if (qi !== null && qi < FALSE_DISCOVERY_RATE && Math.abs(f.difference ?? 0) >= MIN_DIFFERENCE_POINTS) claims++;
    });
  }
  return claims;
}
