// The first draft of an action that answers a finding: one plain sentence the group edits, not boilerplate.
import type { Question } from "./questionSet";
import { among } from "./sentences";
import type { Classification } from "./stats/classify";

/** Who a group is, as the subject of a sentence: "people", "carers", "people aged 65 and over". */
function whoIn(group: string): string {
  if (group === "all") return "people";
  return among[group]?.replace(/^among /, "") ?? `people in group ${group}`;
}

/**
 * A plain-English action for a finding, e.g. "Find out why fewer carers said the budget helped them keep
 * caring, and change what we do." A strength becomes "keep doing it"; anything else, "look into it".
 */
export function actionSuggestion(question: Pick<Question, "positivePhrase">, group: string, classification: Classification): string {
  const who = whoIn(group);
  const phrase = question.positivePhrase;
  switch (classification) {
    case "weakness":
      return `Find out why fewer ${who} ${phrase}, and change what we do.`;
    case "strength":
      return `Keep doing what works: more ${who} here than across England ${phrase}.`;
    default:
      return `Look into how many ${who} ${phrase}, and decide what we do next.`;
  }
}
