import type { Respondent } from "~/domain/poet/respondentFields";

/** `count` copies of a person with these answers, numbered from `start`. */
export function people(count: number, answers: Record<string, string>, extra: Partial<Respondent> = {}, start = 0): Respondent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `R${start + i}`,
    survey: "holder",
    ageBand: null,
    supportReason: null,
    budgetManagement: null,
    answers,
    ...extra,
  }));
}

/**
 * The worked example of docs/method.md: 108 budget holders.
 * 50 knew their budget amount (35 felt safer, 15 did not); 50 did not (20 felt safer, 30 did not);
 * dignity better for 88 of the 100 (44 in each half); 8 more answered "don't know" or left blanks.
 */
export function workedExample(): Respondent[] {
  const knew = { P_KNEW_AMOUNT: "yes" };
  const didNot = { P_KNEW_AMOUNT: "no" };
  return [
    ...people(35, { ...knew, O_SAFE: "better", O_DIGNITY: "a lot better" }, {}, 0),
    ...people(9, { ...knew, O_SAFE: "no change", O_DIGNITY: "better" }, {}, 100),
    ...people(6, { ...knew, O_SAFE: "worse", O_DIGNITY: "no change" }, {}, 200),
    ...people(20, { ...didNot, O_SAFE: "a lot better", O_DIGNITY: "better" }, {}, 300),
    ...people(24, { ...didNot, O_SAFE: "no change", O_DIGNITY: "better" }, {}, 400),
    ...people(6, { ...didNot, O_SAFE: "a lot worse", O_DIGNITY: "worse" }, {}, 500),
    ...people(8, { O_SAFE: "don't know", P_KNEW_AMOUNT: "don't know" }, {}, 600),
  ];
}
