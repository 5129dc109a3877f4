import { describe, expect, it } from "vitest";
import { analyseRound, children, findGroup, groupsOf, healthBudgets, nationalBenchmarks, questionSets } from "~/domain/poet";
import { parsePoetFile } from "~/services/poetFile/index.server";

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n"));

/** `count` rows alike, numbered from `start`. */
const rows = (count: number, start: number, cells: string[]) => Array.from({ length: count }, (_, i) => [`P${start + i}`, ...cells]);

describe("the children's services and personal health budget question sets", () => {
  it("are registered beside adult-2014, each with its own forms, groups and process conditions", () => {
    expect(Object.keys(questionSets)).toEqual(["adult-2014", "children-v1", "health-budget-v1"]);
    for (const set of [children, healthBudgets]) {
      expect(set.wordingApproximate).toBe(true);
      const codes = set.questions.map((q) => q.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of set.processConditions) for (const code of c.questions) expect(codes).toContain(code);
      expect(nationalBenchmarks[set.version]).toBeDefined();
    }
    expect(children.surveys.map((s) => s.groupLabel)).toEqual(["Young people", "Parents and carers"]);
    expect(groupsOf(children).map((g) => g.id)).toContain("need:semh");
    expect(groupsOf(healthBudgets).map((g) => g.id)).toContain("health:continuing-healthcare");
  });

  it("never give one group id two meanings across sets, so a label found without the set is right", () => {
    const labels = new Map<string, string>();
    for (const set of Object.values(questionSets)) {
      for (const g of groupsOf(set)) {
        expect(labels.get(g.id) ?? g.label, `${g.id} in ${set.version}`).toBe(g.label);
        labels.set(g.id, g.label);
      }
    }
    expect(findGroup("survey:parent")?.label).toBe("Parents and carers");
  });

  it("imports a children's file (columns main_need, budget_management) and compares nothing with England, having no published figure", async () => {
    const heading = ["respondent_id", "survey", "age_band", "main_need", "budget_management", "Y_SAFE", "F_FAMILY_LIFE", "K_KNEW_AMOUNT"];
    const bytes = csv([
      heading,
      ...rows(30, 0, ["Young person", "11 to 15", "SEMH", "Direct payment", "better", "", "yes"]),
      ...rows(10, 100, ["Young person", "16-25", "Communication and interaction", "", "no change", "", "no"]),
      ...rows(12, 200, ["Parent or carer", "Under 11", "", "council managed", "", "a lot better", "Don't know"]),
    ]);
    const result = await parsePoetFile({ fileName: "children.csv", bytes, questionSetVersion: "children-v1" });
    if (!result.ok || result.kind !== "respondents") throw new Error(JSON.stringify(result));
    expect(result.summary.text).toBe("52 people: 40 young people, 12 parents and carers");
    expect(result.respondents[0]).toMatchObject({ survey: "young-person", ageBand: "11-15", supportReason: "semh", budgetManagement: "direct-payment" });
    const analysis = analyseRound(children, { kind: "respondents", respondents: result.respondents, questionsInFile: result.summary.questionsInFile }, nationalBenchmarks["children-v1"]!);
    // 30 of 40 young people felt safer (75%); "no national figure", as nothing was published.
    expect(analysis.findings.find((f) => f.id === "Y_SAFE~all")).toMatchObject({ n: 40, positive: 30, classification: "no-benchmark" });
    expect(analysis.findings.find((f) => f.id === "Y_SAFE~need:semh")).toMatchObject({ n: 30, positive: 30 });
    expect(analysis.groups.map((g) => g.label)).toEqual(expect.arrayContaining(["Young people", "Parents and carers", "Aged 11 to 15", "Social, emotional and mental health"]));
    // Knowing the amount: 30 of 30 felt safer against 0 of 10 who did not.
    const link = analysis.links.find((l) => l.process === "K_KNEW_AMOUNT" && l.outcome === "Y_SAFE");
    expect(link).toMatchObject({ withCondition: { good: 30, total: 30 }, withoutCondition: { good: 0, total: 10 } });
  });

  it("refuses an adult form in a children's file, naming the forms the set has", async () => {
    const bytes = csv([["respondent_id", "survey", "Y_SAFE"], ["A", "Budget holder", "better"]]);
    const result = await parsePoetFile({ fileName: "wrong.csv", bytes, questionSetVersion: "children-v1" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe("Row 2, column `survey`: 'Budget holder' is not a survey we know — expected one of: Young person, Parent or carer.");
  });

  it("imports a personal health budget file and compares quality of life with the published 86%", async () => {
    const heading = ["respondent_id", "survey", "age_band", "health_need", "budget_type", "H_QOL", "HC_WELL", "HP_HELP_TO_PLAN"];
    const bytes = csv([
      heading,
      ...rows(60, 0, ["PHB holder", "18-64", "CHC", "Notional", "better", "", "yes"]),
      ...rows(40, 100, ["Personal health budget holder", "Under 18", "Mental health", "Direct payment", "no change", "", "no"]),
      ...rows(15, 200, ["Carer", "65+", "", "third party", "", "better", "yes"]),
    ]);
    const result = await parsePoetFile({ fileName: "phb.csv", bytes, questionSetVersion: "health-budget-v1" });
    if (!result.ok || result.kind !== "respondents") throw new Error(JSON.stringify(result));
    expect(result.summary.text).toBe("115 people: 100 health budget holders, 15 carers");
    const analysis = analyseRound(healthBudgets, { kind: "respondents", respondents: result.respondents }, nationalBenchmarks["health-budget-v1"]!);
    // 60 of 100 (60%) against 86%: z = (0.60 − 0.86) / √(0.86 × 0.14 / 100) = −7.49, a weakness.
    expect(analysis.findings.find((f) => f.id === "H_QOL~all")).toMatchObject({ n: 100, positive: 60, percent: 60, national: 86, classification: "weakness" });
    expect(analysis.findings.find((f) => f.id === "HC_WELL~all")).toMatchObject({ n: 15, classification: "no-benchmark" });
    expect(analysis.findings.find((f) => f.id === "H_QOL~age:under-18")).toMatchObject({ n: 40, positive: 0 });
    expect(analysis.groups.find((g) => g.id === "health:continuing-healthcare")).toMatchObject({ label: "NHS Continuing Healthcare", people: 60 });
  });

  it("reads a report table of each set with that set's group names", async () => {
    const bytes = csv([["question", "group", "positive", "total"], ["Y_HAPPY", "Young people", "20", "40"], ["Y_HAPPY", "SEMH", "5", "12"]]);
    const result = await parsePoetFile({ fileName: "report.csv", bytes, questionSetVersion: "children-v1" });
    if (!result.ok || result.kind !== "aggregate") throw new Error(JSON.stringify(result));
    expect(result.rows.map((r) => r.group)).toEqual(["survey:young-person", "need:semh"]);
    const adult = await parsePoetFile({ fileName: "report.csv", bytes, questionSetVersion: "adult-2014" });
    expect(adult.ok).toBe(false);
  });
});
