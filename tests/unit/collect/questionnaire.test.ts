// The questionnaire's pure rules: which questions each form asks, "don't know" always offered last,
// easy-read labels, only allowed answers kept, codes that survive how people type them, and when a
// collection takes answers.
import { describe, expect, it } from "vitest";
import { answerChoices, checkAbout, checkAnswers, collectionState, formatSurveyCode, formQuestions, notTakingAnswers, parseSurveyCode } from "~/domain/collect";
import { adult2014 } from "~/domain/poet";

describe("the questionnaire", () => {
  it("asks budget holders and carers only the questions of their form", () => {
    const holder = formQuestions(adult2014, "holder").map((q) => q.code);
    const carer = formQuestions(adult2014, "carer").map((q) => q.code);
    expect(holder).toHaveLength(25);
    expect(carer).toHaveLength(13);
    expect(holder).not.toContain("C_WELL");
    expect(carer).toContain("C_WELL");
    expect(carer).not.toContain("O_DIGNITY");
  });

  it("offers don't know last on every question, in easy-read words when asked", () => {
    for (const question of adult2014.questions) {
      const standard = answerChoices(question, "standard");
      expect(standard.at(-1)).toEqual({ value: "don't know", label: "Don't know" });
      expect(answerChoices(question, "easy").at(-1)).toEqual({ value: "don't know", label: "I don't know" });
    }
    const ease = adult2014.questions.find((q) => q.code === "P_INFO")!;
    expect(answerChoices(ease, "easy").map((c) => c.label)).toEqual(["Very easy", "Easy", "Not easy, not hard", "Hard", "Very hard", "I don't know"]);
  });

  it("keeps only answers the form allows and says what was wrong with the rest", () => {
    const holder = formQuestions(adult2014, "holder");
    const { answers, problems } = checkAnswers(holder, { O_QOL: "better", O_SAFE: "betterish", C_WELL: "better", O_JOB: "" });
    expect(answers).toEqual({ O_QOL: "better" });
    expect(problems).toEqual(['"betterish" is not an answer to O_SAFE', "C_WELL is not a question on this form"]);
    expect(checkAbout("holder", { ageBand: "65-plus", supportReason: "made-up", budgetManagement: "" })).toEqual({ ageBand: "65-plus" });
    expect(checkAbout("young-person", { ageBand: "65-plus", supportReason: "semh" })).toEqual({ supportReason: "semh" });
  });

  it("reads codes however people type them, and tells the kinds apart by length", () => {
    const bytes = new Uint8Array(12).map((_, i) => i * 7);
    const personal = formatSurveyCode("personal", bytes);
    expect(personal).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(parseSurveyCode(` ${personal.toLowerCase().replace("-", " ")} `)).toEqual({ kind: "personal", code: personal });
    expect(parseSurveyCode(formatSurveyCode("resume", bytes))?.kind).toBe("resume");
    expect(parseSurveyCode(formatSurveyCode("open", bytes))?.kind).toBe("open");
    expect(parseSurveyCode("OOOO-IIII")).toBeNull();
    expect(parseSurveyCode("ABC")).toBeNull();
  });

  it("takes answers only between opening and closing, and says so plainly", () => {
    const now = new Date("2027-01-10T12:00:00Z");
    const opensAt = new Date("2027-01-01T00:00:00Z");
    expect(collectionState({ opensAt, closesAt: null, closedAt: null }, now)).toBe("open");
    expect(collectionState({ opensAt: new Date("2027-02-01T00:00:00Z"), closesAt: null, closedAt: null }, now)).toBe("not-yet-open");
    expect(collectionState({ opensAt, closesAt: new Date("2027-01-10T00:00:00Z"), closedAt: null }, now)).toBe("closed");
    expect(collectionState({ opensAt, closesAt: null, closedAt: new Date("2027-01-09T00:00:00Z") }, now)).toBe("closed");
    expect(notTakingAnswers("not-yet-open", { opensAt: new Date("2027-02-01T00:00:00Z"), closesAt: null, closedAt: null })).toBe("This survey is not open yet. It opens on 1 February 2027.");
  });
});
