import { describe, expect, it } from "vitest";
import { adult2014 } from "~/domain/poet/adult2014";
import { findingId, parseFindingId } from "~/domain/poet/findingId";
import { matchGroup } from "~/domain/poet/groups";
import { approximateNationalAdult2014, NO_NATIONAL_FIGURE } from "~/domain/poet/nationalBenchmark";
import { getQuestionSet, questionSets } from "~/domain/poet/questionSets";
import { ageBandField, budgetManagementField, supportReasonField, surveyField } from "~/domain/poet/respondentFields";

const codes = adult2014.questions.map((q) => q.code);

describe("question set adult-2014", () => {
  it("asks every outcome, carer outcome and process question of the national survey", () => {
    expect(codes.filter((c) => c.startsWith("O_"))).toHaveLength(16);
    expect(codes).toEqual(expect.arrayContaining(["O_DIGNITY", "O_QOL", "O_INDEPENDENCE", "O_SAFE", "O_JOB", "O_VOLUNTEER"]));
    expect(codes.filter((c) => c.startsWith("C_"))).toEqual(["C_WELL", "C_CONTINUE", "C_QOL", "C_CARED_QOL"]);
    expect(codes.filter((c) => c.startsWith("P_"))).toEqual([
      "P_INFO", "P_ASSESSMENT", "P_PLANNING", "P_CONTROL_MONEY", "P_GET_SUPPORT",
      "P_VIEWS_INCLUDED", "P_KNEW_AMOUNT", "P_HELP_TO_PLAN", "P_COUNCIL_SUPPORTIVE",
    ]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("is found in the registry by version, and unknown versions are not", () => {
    expect(getQuestionSet("adult-2014")).toBe(adult2014);
    expect(Object.keys(questionSets)).toEqual(["adult-2014", "children-v1", "health-budget-v1"]);
    expect(getQuestionSet("toString")).toBeUndefined();
  });

  it("puts outcomes to budget holders, carer outcomes to carers and process questions to both", () => {
    const safe = adult2014.questions.find((q) => q.code === "O_SAFE");
    const well = adult2014.questions.find((q) => q.code === "C_WELL");
    const info = adult2014.questions.find((q) => q.code === "P_INFO");
    expect([safe?.surveys, well?.surveys, info?.surveys]).toEqual([["holder"], ["carer"], ["holder", "carer"]]);
  });

  it("counts better / a lot better, easy / very easy, yes, fully / mostly as positive", () => {
    const positive = (code: string) => adult2014.questions.find((q) => q.code === code)?.positive;
    expect(positive("O_DIGNITY")).toEqual(["a lot better", "better"]);
    expect(positive("P_INFO")).toEqual(["very easy", "easy"]);
    expect(positive("P_KNEW_AMOUNT")).toEqual(["yes"]);
    expect(positive("P_VIEWS_INCLUDED")).toEqual(["fully", "mostly"]);
  });

  it("matches answers ignoring case, spaces and punctuation", () => {
    const scale = adult2014.questions[0].scale;
    expect(scale.match("A Lot Better")).toBe("a lot better");
    expect(scale.match("  a-lot-better ")).toBe("a lot better");
    expect(scale.match("DONT KNOW")).toBe("don't know");
    expect(scale.match("No difference")).toBe("no change");
    expect(scale.match("betterish")).toBeUndefined();
  });

  it("has a plain and an easy-read wording for every question, and a national figure for each that has a published one", () => {
    // Five questions used to carry filler values; they now have none (issue 19).
    for (const q of adult2014.questions) {
      expect(q.text.length).toBeGreaterThan(10);
      expect(q.easyRead.endsWith("?")).toBe(true);
      expect(approximateNationalAdult2014.values.some((v) => v.question === q.code)).toBe(!NO_NATIONAL_FIGURE.includes(q.code));
    }
    expect(approximateNationalAdult2014.approximate).toBe(true);
    expect(approximateNationalAdult2014.source).toMatch(/Approximate/);
  });
});

describe("about the person", () => {
  it("reads the survey whichever way a council writes it", () => {
    expect(["Budget holder", "person", "PERSON", "Budget holders"].map(surveyField.match)).toEqual(["holder", "holder", "holder", "holder"]);
    expect(["carer", "Carers", "Family carer"].map(surveyField.match)).toEqual(["carer", "carer", "carer"]);
    expect(surveyField.match("staff")).toBeUndefined();
  });

  it("reads age bands, support reasons and budget types", () => {
    expect(["65 and over", "65+", "65 plus", "18-64", "18 to 64"].map(ageBandField.match)).toEqual(["65-plus", "65-plus", "65-plus", "18-64", "18-64"]);
    expect(supportReasonField.match("Learning Disability")).toBe("learning-disability");
    expect(supportReasonField.match("Memory and cognition")).toBe("memory-cognition");
    expect(budgetManagementField.match("ISF")).toBe("provider-managed");
    expect(budgetManagementField.match("Direct payment run by family or a friend")).toBe("direct-payment-family");
  });

  it("reads group names in report tables", () => {
    expect(["All", "Carers", "65 and over", "age:65+", "age:65-plus", "Learning disability", "budget:isf"].map((t) => matchGroup(t, adult2014))).toEqual([
      "all", "survey:carer", "age:65-plus", "age:65-plus", "age:65-plus", "reason:learning-disability", "budget:provider-managed",
    ]);
    expect(matchGroup("martians", adult2014)).toBeUndefined();
  });
});

describe("finding ids", () => {
  it("are URL-safe and round-trip", () => {
    const id = findingId("O_DIGNITY", "age:65-plus");
    expect(id).toBe("O_DIGNITY~age:65-plus");
    expect(encodeURIComponent(id).replace(/%3A/g, ":")).toBe(id);
    expect(parseFindingId(id)).toEqual({ question: "O_DIGNITY", group: "age:65-plus" });
    expect(parseFindingId("O_DIGNITY~all")).toEqual({ question: "O_DIGNITY", group: "all" });
  });

  it("reject anything that is not one", () => {
    expect(parseFindingId("O_DIGNITY")).toBeNull();
    expect(parseFindingId("o_dignity~all")).toBeNull();
    expect(parseFindingId("O_DIGNITY~age:65+")).toBeNull();
    expect(() => findingId("O_DIGNITY", "age 65")).toThrow();
  });
});
