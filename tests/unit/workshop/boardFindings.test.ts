// The board's findings: folded by question with the everyone-finding on top, and a plain first draft of an action.
import { describe, expect, it } from "vitest";
import { groupByQuestion, summariseGroups } from "~/components/workshop/findingGroups";
import type { FindingView } from "~/components/workshop/types";
import { actionSuggestion } from "~/domain/poet/actionSuggestion";
import { adult2014 } from "~/domain/poet/adult2014";
import { findQuestion } from "~/domain/poet/questionSet";

const finding = (questionId: string, groupId: string, classification: FindingView["classification"]): FindingView => ({
  id: `${questionId}~${groupId}`,
  classification,
  sentence: `${questionId} for ${groupId}`,
  easyRead: `${questionId} for ${groupId}`,
  groupId,
  groupLabel: groupId,
  questionId,
  question: `The ${questionId} question`,
  suggestion: "",
  href: "#",
});

describe("groupByQuestion", () => {
  it("puts each question's everyone-finding on top with the groups' findings under it, most in need first", () => {
    const grouped = groupByQuestion([
      finding("O_SAFE", "survey:carer", "weakness"),
      finding("O_QOL", "all", "strength"),
      finding("O_SAFE", "all", "in-line"),
      finding("O_JOB", "all", "weakness"),
      finding("O_JOB", "age:65-plus", "strength"),
      finding("O_JOB", "survey:carer", "weakness"),
      finding("O_SAFE", "age:65-plus", "weakness"),
    ]);
    expect(grouped.map((q) => [q.questionId, q.head?.id ?? null, q.more.map((f) => f.id)])).toEqual([
      ["O_JOB", "O_JOB~all", ["O_JOB~survey:carer", "O_JOB~age:65-plus"]],
      ["O_QOL", "O_QOL~all", []],
      ["O_SAFE", "O_SAFE~all", ["O_SAFE~survey:carer", "O_SAFE~age:65-plus"]],
    ]);
    expect(summariseGroups(grouped[0].more)).toBe("2 (1 needs action, 1 strength)");
  });

  it("keeps a question whose everyone-finding is missing, headed by the question itself", () => {
    const [only] = groupByQuestion([finding("C_WELL", "survey:carer", "weakness")]);
    expect(only).toMatchObject({ head: null, question: "The C_WELL question" });
    expect(summariseGroups(only.more)).toBe("1 (1 needs action)");
  });
});

describe("actionSuggestion", () => {
  const safe = findQuestion(adult2014, "O_SAFE")!;
  const caring = findQuestion(adult2014, "C_CONTINUE")!;
  it("says what to do in one plain sentence, naming the group", () => {
    expect(actionSuggestion(safe, "all", "weakness")).toBe("Find out why fewer people said their budget helped them feel safe, and change what we do.");
    expect(actionSuggestion(caring, "survey:carer", "weakness")).toBe("Find out why fewer carers said the budget helped them keep caring, and change what we do.");
    expect(actionSuggestion(safe, "age:65-plus", "strength")).toBe("Keep doing what works: more people aged 65 and over here than across England said their budget helped them feel safe.");
    expect(actionSuggestion(safe, "all", "in-line")).not.toMatch(/^Respond to/);
  });
});
