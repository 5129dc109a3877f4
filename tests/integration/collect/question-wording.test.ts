// A council's official question wording (docs/decisions/028): an owner loads a file for a question set;
// the survey, the paper and assisted forms, the findings and the workshop of that council show it and the
// "approximate" marker goes; another council sees ours. A file with problems stores nothing; going back
// to ours is one button; both are audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adult2014, children, findQuestion } from "~/domain/poet";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { openTestCollection } from "../../support/collect";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "../evidence/pageText";

const APPROXIMATE = "Question wording approximate";
// Every children's question in "official" wording (no apostrophes, so the HTML shows it as written).
const official = (code: string) => `Official ${code} wording of Westshire`;
const officialEasy = (code: string) => `Easy ${code} wording of Westshire`;
const childrenFile = (codes: readonly string[]) => ["code,standard,easy_read", ...codes.map((c) => `${c},${official(c)},${officialEasy(c)}`)].join("\n");
const ours = (code: string) => findQuestion(children, code)!.text;

function upload(visitor: Visitor, slug: string, questionSet: string, text: string, fileName = "wording.csv") {
  const form = new FormData();
  form.set("questionSet", questionSet);
  form.set("wording", new File([text], fileName, { type: "text/csv" }));
  return visitor.postMultipart(`/orgs/${slug}/question-wording`, form, { Origin: visitor.baseUrl });
}

async function childrenRound(orgId: string, name: string) {
  const rows = [["respondent_id", "survey", "age_band", "main_need", "budget_management", "Y_HAPPY"], ...Array.from({ length: 30 }, (_, i) => [`P${i}`, "Young person", "11 to 15", "SEMH", "", i % 3 ? "better" : "no change"])];
  const result = await importPoetRound({ orgId, importedBy: null, roundName: name, fileName: "children.csv", bytes: new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n")), questionSetVersion: children.version });
  if (result.status !== "imported") throw new Error(JSON.stringify(result).slice(0, 400));
  return result.roundId;
}

describe("a council's official question wording", () => {
  let running: RunningApp;
  let world: World;
  let owner: Visitor;
  let ownerB: Visitor;
  let member: Visitor;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    ownerB = await new Visitor(running.baseUrl).signIn(world.outsider.email, PASSWORD);
    member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  });
  afterAll(async () => running.close());

  const stored = (orgId: string) => db().questionWording.count({ where: { orgId } });
  const audits = (orgId: string) => db().auditEvent.findMany({ where: { orgId, action: { in: ["question-wording-loaded", "question-wording-reverted"] } }, orderBy: { at: "asc" } });

  it("a file with problems stores nothing and says which row to fix", async () => {
    const response = await upload(owner, world.a.org.slug, children.version, "code,standard,easy_read\nY_SAFE,Safe?,Safe?\nO_SAFE,Adult code,Adult\nY_HAPPY,,Happy?\n");
    expect(response.status).toBe(200);
    const page = pageText(await response.text());
    expect(page).toContain("Nothing was changed: wording.csv has 2 problems.");
    expect(page).toContain("Row 3, column `code`: 'O_SAFE' is not a question of Children's services (children-v1)");
    expect(page).toContain("Row 4, column `standard` (Y_HAPPY): is blank");
    expect(await stored(world.a.org.id)).toBe(0);
    expect(await audits(world.a.org.id)).toEqual([]);
  });

  it("only an owner of the council may load or revert wording", async () => {
    expect((await upload(member, world.a.org.slug, children.version, childrenFile(["Y_SAFE"]))).status).toBe(403);
    expect((await upload(ownerB, world.a.org.slug, children.version, childrenFile(["Y_SAFE"]))).status).toBe(404);
    expect((await member.post(`/orgs/${world.a.org.slug}/question-wording`, { questionSet: children.version, intent: "revert" })).status).toBe(403);
    expect(await stored(world.a.org.id)).toBe(0);
  });

  it("the council's wording shows on its survey, paper and assisted forms, findings and settings page; another council keeps ours", async () => {
    const collectionA = await openTestCollection(world.a.org.id, { questionSetVersion: children.version, survey: "young-person" });
    const collectionB = await openTestCollection(world.b.org.id, { questionSetVersion: children.version, survey: "young-person" });
    const roundA = await childrenRound(world.a.org.id, "Children A");
    const roundB = await childrenRound(world.b.org.id, "Children B");
    const findingA = `/orgs/${world.a.org.slug}/rounds/${roundA}`;
    expect(pageText(await (await owner.get(findingA)).text())).toContain(APPROXIMATE);

    // Half the questions first: the set stays approximate, and the settings page lists which.
    const half = children.questions.slice(0, 10).map((q) => q.code);
    const loadedHalf = pageText(await (await upload(owner, world.a.org.slug, children.version, childrenFile(half))).text());
    expect(loadedHalf).toContain("Loaded your wording of 10 questions of Children's services.");
    expect(loadedHalf).toContain(`${children.questions.length - 10} questions still use our wording (listed below).`);
    expect(loadedHalf).toContain(`${children.questions.length - 10} still use our approximate wording.`);
    expect(pageText(await (await owner.get(findingA)).text())).toContain(APPROXIMATE);

    // Then all of them: the marker goes.
    const codes = children.questions.map((q) => q.code);
    const loaded = await upload(owner, world.a.org.slug, children.version, childrenFile(codes), "wording.csv");
    expect(pageText(await loaded.text())).toContain(`Loaded your wording of ${codes.length} questions of Children's services.`);
    expect(await stored(world.a.org.id)).toBe(codes.length);

    // Survey (standard and easy read), as a respondent without signing in.
    for (const [wording, text] of [["standard", official], ["easy", officialEasy]] as const) {
      const person = new Visitor(running.baseUrl);
      const start = await person.post(`/survey/${collectionA.openCode}`, { wording, layout: "all", website: "" });
      expect(start.status).toBe(302);
      const all = await (await person.get(start.headers.get("location")!)).text();
      expect(all).toContain(text("Y_SAFE"));
      expect(all).not.toContain(ours("Y_SAFE"));
    }
    const personB = new Visitor(running.baseUrl);
    const startB = await personB.post(`/survey/${collectionB.openCode}`, { wording: "standard", layout: "all", website: "" });
    const allB = await (await personB.get(startB.headers.get("location")!)).text();
    expect(allB).toContain(ours("Y_SAFE"));
    expect(allB).not.toContain("Westshire");

    // Paper form (both wordings), data entry and the assisted form.
    const base = `/orgs/${world.a.org.slug}/collections/${collectionA.id}`;
    expect(await (await owner.get(`${base}/paper`)).text()).toContain(official("Y_HAPPY"));
    expect(await (await owner.get(`${base}/paper?wording=easy`)).text()).toContain(officialEasy("Y_HAPPY"));
    expect(await (await owner.get(`${base}/enter`)).text()).toContain(official("Y_HAPPY"));
    expect(await (await owner.get(`/assist/${world.a.org.slug}/${collectionA.id}`)).text()).toContain(official("Y_HAPPY"));
    expect(await (await ownerB.get(`/orgs/${world.b.org.slug}/collections/${collectionB.id}/paper`)).text()).toContain(ours("Y_HAPPY"));

    // Findings: the round page and a finding's page; the approximate marker is gone for A, not for B.
    const roundPage = pageText(await (await owner.get(findingA)).text());
    expect(roundPage).not.toContain(APPROXIMATE);
    const findingPage = pageText(await (await owner.get(`${findingA}/findings/Y_HAPPY~all`)).text());
    expect(findingPage).toContain(official("Y_HAPPY"));
    expect(findingPage).toContain(officialEasy("Y_HAPPY"));
    const findingB = pageText(await (await ownerB.get(`/orgs/${world.b.org.slug}/rounds/${roundB}/findings/Y_HAPPY~all`)).text());
    expect(findingB).toContain(ours("Y_HAPPY"));
    expect(findingB).toContain(APPROXIMATE);
    expect(findingB).not.toContain("Westshire");

    // The import form no longer marks the set approximate for A, still does for B.
    const option = "POET children's services survey (young people and parents) – approximate wording";
    expect(pageText(await (await owner.get(`/orgs/${world.a.org.slug}/rounds/new`)).text())).not.toContain(option);
    expect(pageText(await (await ownerB.get(`/orgs/${world.b.org.slug}/rounds/new`)).text())).toContain(option);
    expect(await stored(world.b.org.id)).toBe(0);
  });

  it("the workshop's evidence shows the council's wording of the adult set", async () => {
    const roundId = await importDemoRound(world.a.org.id, { name: "Adult A" });
    await db().workspaceRound.create({ data: { workspaceId: world.a.workspace.id, roundId } });
    const evidence = await loadRoundEvidence(world.a.org.id, roundId);
    const shown = evidence!.analysis.findings.find((f) => f.group === "all" && (f.classification === "weakness" || f.classification === "strength"))!;
    const text = `Official ${shown.question} adult wording of Westshire`;
    const before = await (await owner.get(`/w/${world.a.workspace.id}`)).text();
    expect(before).not.toContain(text);
    const response = await upload(owner, world.a.org.slug, adult2014.version, `code,standard,easy_read\n${shown.question},${text},Easy words\n`);
    expect(pageText(await response.text())).toContain("Loaded your wording of 1 question of Adult social care.");
    expect(await (await owner.get(`/w/${world.a.workspace.id}`)).text()).toContain(text);
  });

  it("going back to ours removes only that set's wording for this council, audited", async () => {
    const reverted = pageText(await (await owner.post(`/orgs/${world.a.org.slug}/question-wording`, { questionSet: children.version, intent: "revert" })).text());
    expect(reverted).toContain(`Went back to our wording for Children's services: ${children.questions.length} questions, marked approximate again.`);
    // The adult set's wording stays.
    expect(await db().questionWording.findMany({ where: { orgId: world.a.org.id }, select: { questionSetVersion: true } })).toEqual([{ questionSetVersion: adult2014.version }]);
    const collection = await db().collection.findFirstOrThrow({ where: { orgId: world.a.org.id, questionSetVersion: children.version } });
    expect(await (await owner.get(`/orgs/${world.a.org.slug}/collections/${collection.id}/paper`)).text()).toContain(ours("Y_HAPPY"));

    const events = await audits(world.a.org.id);
    expect(events.map((e) => [e.action, e.detail, e.actorLabel])).toEqual([
      ["question-wording-loaded", "children-v1: official wording of 10 questions", world.owner.email],
      ["question-wording-loaded", `children-v1: official wording of ${children.questions.length} questions`, world.owner.email],
      ["question-wording-loaded", "adult-2014: official wording of 1 question", world.owner.email],
      ["question-wording-reverted", `children-v1: back to our wording for ${children.questions.length} questions`, world.owner.email],
    ]);
    expect(await audits(world.b.org.id)).toEqual([]);
    const again = pageText(await (await owner.post(`/orgs/${world.a.org.slug}/question-wording`, { questionSet: children.version, intent: "revert" })).text());
    expect(again).toContain("There was no official wording for Children's services to remove.");
    expect(await audits(world.a.org.id)).toHaveLength(4);
  });
});
