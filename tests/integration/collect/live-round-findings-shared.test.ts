// The live round page's findings are rendered once per round revision and what the page shows, and shared
// between looks and readers (docs/decisions/030, addendum). Whatever is kept, each reader must see what a
// fresh count of the round says, for the group, view and wording they asked for: after a new answer, after
// the council loads its own wording, and never another council's round, wording or addresses. A guest of a
// plan built on the round sees the same findings but not the collection; a guest of another plan sees nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRoundFindings, roundFindingsBody } from "~/components/evidence/roundFindingsHtml.server";
import { adult2014, analyseRound, nationalBenchmarks } from "~/domain/poet";
import { db } from "~/models/db.server";
import { disclosureThresholdFor } from "~/models/organisation.server";
import { questionSetFor, saveQuestionWording } from "~/models/questionWording.server";
import { respondentFromRow } from "~/models/roundPeople.server";
import { findingView } from "~/services/evidencePage.server";
import { collectTestApp, openTestCollection, sendPeople, syntheticPeople } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { PASSWORD } from "../../support/world";

const route = encodeURIComponent("routes/orgs.$org.rounds.$round._index");

/** The findings HTML a fresh count of the round's rows gives, for this council's wording, group and view. */
async function freshFindings(org: { id: string; slug: string }, roundId: string, group = "all", easy = false): Promise<string> {
  const rows = await db().respondent.findMany({ where: { roundId } });
  const analysis = analyseRound(adult2014, { kind: "respondents", respondents: rows.map(respondentFromRow) }, nationalBenchmarks[adult2014.version]!, {
    disclosureThreshold: await disclosureThresholdFor(org.id),
  });
  const questionSet = (await questionSetFor(org.id, adult2014.version))!;
  return renderRoundFindings(roundFindingsBody(analysis, { group, easy, orgSlug: org.slug, roundId, aggregate: false, questionSet }, findingView(questionSet)));
}

const occurrences = (html: string, text: string) => html.split(text).length - 1;

describe("the live round page's shared findings", () => {
  const app = collectTestApp("owner");
  const people = syntheticPeople("holder", 90, 53);
  let collectionA: string;
  let roundA: string;
  let roundB: string;
  let eastvale: Visitor;

  beforeAll(async () => {
    const [a, b] = await Promise.all([openTestCollection(app.world.a.org.id), openTestCollection(app.world.b.org.id)]);
    collectionA = a.id;
    roundA = a.roundId;
    roundB = b.roundId;
    // Both councils hear from the same people: same counts, so only the council tells the pages apart.
    await sendPeople(a.id, people.slice(0, 40));
    await sendPeople(b.id, people.slice(0, 40));
    eastvale = await new Visitor(app.running.baseUrl).signIn(app.world.outsider.email, PASSWORD);
  });

  it("follows a new answer: the next look shows the findings of every answer so far", async () => {
    const page = `/orgs/${app.world.a.org.slug}/rounds/${roundA}`;
    const first = await (await app.owner.get(page)).text();
    expect(first).toContain("Still collecting: 40 answers so far.");
    expect(first).toContain(`<div id="round-findings">${await freshFindings(app.world.a.org, roundA)}</div>`);
    // The page's findings are in it once: not again in the data the browser hydrates from.
    expect(occurrences(first, 'id="round-findings"')).toBe(1);
    expect(occurrences(first, "finding-card__sentence")).toBe(occurrences(first, '<li class="card finding-card'));
    expect((await app.owner.get(page)).status).toBe(200); // a cached look

    const before = await freshFindings(app.world.a.org, roundA);
    await sendPeople(collectionA, people.slice(40, 41));
    const after = await freshFindings(app.world.a.org, roundA);
    expect(after).not.toBe(before);
    const second = await (await app.owner.get(page)).text();
    expect(second).toContain("Still collecting: 41 answers so far.");
    expect(second).toContain(`<div id="round-findings">${after}</div>`);
    // The live refresh (a data request) gets the same findings.
    const data = (await (await app.owner.get(`${page}?_data=${route}`)).json()) as { findingsHtml: string };
    expect(data.findingsHtml).toBe(after);
  });

  it("shows each group and view its own findings, and the council's own wording as soon as it loads it", async () => {
    const org = app.world.a.org;
    const page = `/orgs/${org.slug}/rounds/${roundA}`;
    const groups = ((await (await app.owner.get(`${page}?_data=${route}`)).json()) as { groups: { id: string }[] }).groups.map((g) => g.id);
    const other = groups.find((g) => g !== "all")!;
    for (const [group, easy] of [[other, false], [other, true], ["all", true], ["all", false]] as const) {
      const html = await (await app.owner.get(`${page}?group=${encodeURIComponent(group)}${easy ? "&view=easy" : ""}`)).text();
      expect(html, `${group} ${easy ? "easy" : "standard"}`).toContain(`<div id="round-findings">${await freshFindings(org, roundA, group, easy)}</div>`);
    }
    // The group's page is not the whole round's.
    expect(await freshFindings(org, roundA, other)).not.toBe(await freshFindings(org, roundA));

    // The council loads its own wording of one question: no answer arrives, the page shows it at once.
    const question = adult2014.questions.find((q) => q.code === "O_SAFE")!;
    await saveQuestionWording(org.id, adult2014.version, [{ code: question.code, standard: "Westshire wording: do you feel safe?", easyRead: "Westshire easy: safe?" }], app.world.owner);
    const html = await (await app.owner.get(page)).text();
    expect(html).toContain("Westshire wording: do you feel safe?");
    expect(html).toContain(`<div id="round-findings">${await freshFindings(org, roundA)}</div>`);
    expect(await (await app.owner.get(`${page}?view=easy`)).text()).toContain("Westshire easy: safe?");
  });

  it("never shows one council another's round, wording or addresses", async () => {
    const b = app.world.b.org;
    const html = await (await eastvale.get(`/orgs/${b.slug}/rounds/${roundB}`)).text();
    expect(html).toContain("Still collecting: 40 answers so far.");
    expect(html).toContain(`<div id="round-findings">${await freshFindings(b, roundB)}</div>`);
    expect(html).not.toContain("Westshire wording");
    expect(html).not.toContain(`/orgs/${app.world.a.org.slug}/`);
    expect(html).not.toContain(roundA);
    // Westshire's round, under either council's address, is not there for Eastvale.
    expect((await eastvale.get(`/orgs/${app.world.a.org.slug}/rounds/${roundA}`)).status).toBe(404);
    expect((await eastvale.get(`/orgs/${b.slug}/rounds/${roundA}`)).status).toBe(404);
    expect((await eastvale.get(`/orgs/${b.slug}/rounds/${roundA}?_data=${route}`)).status).toBe(404);
  });

  it("a guest of a plan built on the round sees its findings but not the collection; a guest of another plan sees nothing", async () => {
    const org = app.world.a.org;
    await db().workspaceRound.create({ data: { workspaceId: app.world.a.workspace.id, roundId: roundA } });
    const guest = new Visitor(app.running.baseUrl);
    expect((await guest.post("/join", { code: app.world.codeA.code, displayName: "Sam" })).status).toBe(302);
    const page = `/orgs/${org.slug}/rounds/${roundA}`;
    const html = await (await guest.get(page)).text();
    expect(html).toContain(`<div id="round-findings">${await freshFindings(org, roundA)}</div>`);
    expect(html).not.toContain("Still collecting");
    const stranger = new Visitor(app.running.baseUrl);
    expect((await stranger.post("/join", { code: app.world.codeB.code, displayName: "Kit" })).status).toBe(302);
    // Sent to sign in (the page) or not found (its data), with nothing of the round.
    for (const url of [page, `${page}?_data=${route}`]) {
      const response = await stranger.get(url);
      expect([302, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain("finding-card");
    }
  });
});
