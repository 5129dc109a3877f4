import { labelMatcher, type LabelledValue } from "./labels";

/** One answer on a scale; `counts: false` means the answer leaves the denominator (don't know). */
export type AnswerOption = LabelledValue & { positive: boolean; counts: boolean };

export type AnswerScale = {
  id: string;
  options: readonly AnswerOption[];
  /** Finds the answer a person gave, whatever its case, spacing or punctuation. */
  match: (text: string) => string | undefined;
};

const DONT_KNOW: AnswerOption = {
  id: "don't know",
  label: "don't know",
  // What councils' own forms write for "no real answer": all leave the denominator, like "don't know".
  aliases: ["not sure", "dk", "unsure", "N/A", "NA", "Not applicable", "Prefer not to say", "-", "No response", "Don't know / can't say", "can't say"],
  positive: false,
  counts: false,
};

function scale(id: string, options: AnswerOption[]): AnswerScale {
  return { id, options, match: labelMatcher(options) };
}

const option = (label: string, positive: boolean, aliases: string[] = []): AnswerOption => ({
  id: label,
  label,
  aliases,
  positive,
  counts: true,
});

/** "What difference has your budget made…": better and a lot better count as positive. */
export const differenceScale = scale("difference", [
  option("a lot better", true, ["much better"]),
  option("better", true, ["a little better", "bit better"]),
  option("no change", false, ["no difference", "stayed the same", "same"]),
  option("worse", false, ["a little worse"]),
  option("a lot worse", false, ["much worse"]),
  DONT_KNOW,
]);

/** How easy something was: easy and very easy count as positive. */
export const easeScale = scale("ease", [
  option("very easy", true),
  option("easy", true, ["fairly easy"]),
  option("neither", false, ["neither easy nor difficult", "neither easy nor hard", "ok"]),
  option("difficult", false, ["hard", "fairly difficult"]),
  option("very difficult", false, ["very hard"]),
  DONT_KNOW,
]);

/** Yes / no: yes counts as positive. */
export const yesNoScale = scale("yes-no", [option("yes", true, ["y"]), option("no", false, ["n"]), DONT_KNOW]);

/** How far something happened: fully and mostly count as positive. */
export const extentScale = scale("extent", [
  option("fully", true, ["completely", "yes fully"]),
  option("mostly", true),
  option("partly", false, ["a little", "somewhat"]),
  option("not at all", false, ["no", "none"]),
  DONT_KNOW,
]);

/** How supportive someone was: very and fairly supportive count as positive. */
export const supportiveScale = scale("supportive", [
  option("very supportive", true),
  option("fairly supportive", true, ["supportive"]),
  option("not very supportive", false),
  option("not at all supportive", false, ["unsupportive"]),
  DONT_KNOW,
]);

/** Labels of a scale in the order people see them, for error messages. */
export function scaleLabels(answerScale: AnswerScale): string[] {
  return answerScale.options.map((o) => o.label);
}
