// Small groups through the real server: a group with fewer people than the council's disclosure threshold
// keeps its row, but its figures read "fewer than 10: not shown" — never "1 of them said…, 100%" — on the
// round page and the finding page, and the threshold is a council setting only its managers can change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRoundEvidence } from "~/models/round.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

describe("small groups are not disclosed", () => {
  let running: RunningApp;
  let world: World;
  let owner: Visitor;
  let viewer: Visitor;
  let round: string;
  let base: string;
  let small: { id: string };

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    round = await importDemoRound(world.a.org.id, { seed: 5, respondents: 120, name: "Small round" });
    owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    base = `/orgs/${world.a.org.slug}/rounds/${round}`;
    // The demo's 5% broker group: a handful of people among 120.
    const evidence = (await loadRoundEvidence(world.a.org.id, round))!;
    const group = evidence.analysis.groups.find((g) => g.id === "budget:broker")!;
    expect(group).toMatchObject({ people: null, fewerThan: 10 });
    small = { id: group.id };
  });
  afterAll(async () => running.close());

  it("the round page keeps a small group's rows but shows no answers, counts or percentages for it", async () => {
    const html = await (await viewer.get(`${base}?group=${encodeURIComponent(small.id)}`)).text();
    const text = pageText(html);
    expect(text).toContain("Broker: fewer than 10 people.");
    expect(text).toContain("Among people whose budget a broker manages, fewer than 10 people answered, so their answers are not shown.");
    expect(text).toContain("fewer than 10: not shown");
    expect(text).not.toMatch(/of them said|Only \d+ (people|person) answered/);
    expect(html).toMatch(/<option value="budget:broker"[^>]*>Broker(<!-- -->)? \(fewer than 10\)<\/option>/);
  });

  it("a small group's finding page shows the row and says why, with no figure in the page or its data", async () => {
    const response = await viewer.get(`${base}/findings/${encodeURIComponent(`P_INFO~${small.id}`)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = pageText(html);
    expect(text).toContain("People who gave a real answer (n) fewer than 10: not shown");
    expect(text).toContain("Of them, a good answer not shown");
    // The loader data sent to the browser holds nulls, not the hidden counts.
    expect(html).toMatch(/"id":"P_INFO~budget:broker","question":"P_INFO","group":"budget:broker","n":null,"positive":null,/);
    expect(html).toMatch(/"label":"Broker","n":null,"percent":null,"ciLow":null,"ciHigh":null/);
  });

  it("a council that lowers its threshold to 5 sees groups of 5 to 9 again; below 5 is refused with a message", async () => {
    const refused = await (await owner.post(`/orgs/${world.a.org.slug}/settings`, { intent: "disclosure", disclosureThreshold: "3" })).text();
    expect(pageText(refused)).toContain("Nothing was saved. The threshold must be at least 5 people: below that, single people can be recognised.");
    const saved = await (await owner.post(`/orgs/${world.a.org.slug}/settings`, { intent: "disclosure", disclosureThreshold: "5" })).text();
    expect(pageText(saved)).toContain("Saved. Groups of fewer than 5 people now have their figures withheld on every page.");
    const evidence = (await loadRoundEvidence(world.a.org.id, round))!;
    const shown = evidence.analysis.groups.filter((g) => g.people !== null && g.people < 10);
    expect(shown.length, "a group of 5 to 9 people in the demo round").toBeGreaterThan(0);
    const text = pageText(await (await viewer.get(`${base}?group=${encodeURIComponent(shown[0]!.id)}`)).text());
    expect(text).toContain(`${shown[0]!.people} people.`);
    // Back to the default for the other tests of this council.
    await owner.post(`/orgs/${world.a.org.slug}/settings`, { intent: "disclosure", disclosureThreshold: "10" });
  });

  it("a viewer cannot change the threshold", async () => {
    const response = await viewer.post(`/orgs/${world.a.org.slug}/settings`, { intent: "disclosure", disclosureThreshold: "50" });
    expect(response.status).toBe(403);
  });
});
