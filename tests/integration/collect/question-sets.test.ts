// The children's services and personal health budget question sets end to end: a file of each set is
// imported and analysed with that set's groups; a person answers each set's form through the survey
// pages and becomes a respondent of the collection's round with that set's "about you" answers.
import { describe, expect, it } from "vitest";
import { formQuestions } from "~/domain/collect";
import { children, healthBudgets } from "~/domain/poet";
import { loadRoundEvidence } from "~/models/round.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { answerByForm, collectTestApp, openTestCollection, respondentsOf } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { pageText } from "../evidence/pageText";

const lines = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n"));
const alike = (count: number, start: number, cells: string[]) => Array.from({ length: count }, (_, i) => [`P${start + i}`, ...cells]);

describe("more question sets", () => {
  const app = collectTestApp("owner");

  it("imports a children's services file and shows its groups on the round page", async () => {
    const bytes = lines([
      ["respondent_id", "survey", "age_band", "main_need", "budget_management", "Y_HAPPY", "F_CHILD_QOL"],
      ...alike(25, 0, ["Young person", "11 to 15", "SEMH", "direct payment", "better", ""]),
      ...alike(15, 100, ["Parent or carer", "Under 11", "Cognition and learning", "", "", "a lot better"]),
    ]);
    const result = await importPoetRound({ orgId: app.world.a.org.id, importedBy: null, roundName: "Children 2026", fileName: "children.csv", bytes, questionSetVersion: children.version });
    if (result.status !== "imported") throw new Error(JSON.stringify(result).slice(0, 500));
    expect(result.summary.text).toBe("40 people: 25 young people, 15 parents and carers");
    const evidence = await loadRoundEvidence(app.world.a.org.id, result.roundId);
    expect(evidence?.questionSetVersion).toBe("children-v1");
    expect(evidence?.analysis.findings.find((f) => f.id === "Y_HAPPY~need:semh")).toMatchObject({ n: 25, positive: 25, classification: "no-benchmark" });
    const page = pageText(await (await app.owner.get(`/orgs/${app.world.a.org.slug}/rounds/${result.roundId}`)).text());
    expect(page).toContain("Young people");
    expect(page).toContain("Social, emotional and mental health");
  });

  it("imports a personal health budget file and compares quality of life with the published figure", async () => {
    const bytes = lines([
      ["respondent_id", "survey", "age_band", "health_need", "budget_type", "H_QOL"],
      ...alike(30, 0, ["PHB holder", "65+", "CHC", "notional", "better"]),
      ...alike(20, 100, ["PHB holder", "18-64", "Mental health", "direct payment", "worse"]),
    ]);
    const result = await importPoetRound({ orgId: app.world.a.org.id, importedBy: null, roundName: "Health budgets 2026", fileName: "phb.csv", bytes, questionSetVersion: healthBudgets.version });
    if (result.status !== "imported") throw new Error(JSON.stringify(result).slice(0, 500));
    const evidence = await loadRoundEvidence(app.world.a.org.id, result.roundId);
    // 30 of 50 (60%) against England's 86%.
    expect(evidence?.analysis.findings.find((f) => f.id === "H_QOL~all")).toMatchObject({ n: 50, positive: 30, national: 86, classification: "weakness" });
    expect(evidence?.analysis.groups.find((g) => g.id === "health:continuing-healthcare")?.people).toBe(30);
  });

  it("a young person answers the children's form through the survey pages, with its own 'about you' questions", async () => {
    const collection = await openTestCollection(app.world.a.org.id, { questionSetVersion: children.version, survey: "young-person" });
    const person = new Visitor(app.running.baseUrl);
    const start = await (await person.get(`/survey/${collection.openCode}`)).text();
    expect(start).toContain("POET survey for young people");
    const sent = await answerByForm(person, collection.openCode, { Y_SAFE: "better", K_KNEW_AMOUNT: "no" }, { about: { ageBand: "16-25", supportReason: "semh" }, total: formQuestions(children, "young-person").length });
    expect(sent.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);
    const [stored] = await respondentsOf(collection.roundId);
    expect(stored).toMatchObject({ survey: "young-person", ageBand: "16-25", supportReason: "semh", budgetManagement: "" });
    expect(JSON.parse(stored!.answers)).toEqual({ Y_SAFE: "better", K_KNEW_AMOUNT: "no" });
  });

  it("a carer answers the personal health budget carer form, and an adult age band is not one of its answers", async () => {
    const collection = await openTestCollection(app.world.a.org.id, { questionSetVersion: healthBudgets.version, survey: "health-carer" });
    const person = new Visitor(app.running.baseUrl);
    const sent = await answerByForm(person, collection.openCode, { HC_WELL: "a lot better" }, { about: { ageBand: "65-plus", supportReason: "dementia", budgetManagement: "third-party" }, total: formQuestions(healthBudgets, "health-carer").length });
    expect(sent.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);
    const [stored] = await respondentsOf(collection.roundId);
    // "dementia" is an adult support reason, not a health need of this set: kept as "prefer not to say".
    expect(stored).toMatchObject({ survey: "health-carer", ageBand: "65-plus", supportReason: "", budgetManagement: "third-party" });
  });

  it("refuses a collection whose form is not part of the chosen question set, saying which forms it has", async () => {
    const page = await app.owner.post(`/orgs/${app.world.a.org.slug}/collections?index`, { name: "Mixed up", questionSetVersion: children.version, survey: "holder" });
    expect(await page.text()).toContain("That form is not part of the Children&#x27;s services question set: choose the young person form or the parent or carer form");
  });
});
