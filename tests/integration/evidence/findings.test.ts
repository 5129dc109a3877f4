// The findings pages of a demo-like round through the real server: the deliberate gaps land under the
// right headings, the group filter and easy-read view work as plain links, a finding has its own page
// with every number, and nothing of another council's is reachable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DELIBERATE_GAPS, findingId } from "~/domain/poet";
import { loadRoundEvidence } from "~/models/round.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

/** The finding ids linked from each classification's section of a findings page. */
function sections(html: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [, kind, body] of html.matchAll(/<section[^>]*findings-section--([a-z-]+)[^>]*>([\s\S]*?)<\/section>/g)) {
    found[kind!] = [...body!.matchAll(/\/findings\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  }
  return found;
}

describe("round findings pages", () => {
  let running: RunningApp;
  let world: World;
  let viewer: Visitor;
  let roundA: string;
  let roundB: string;
  let base: string;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    [roundA, roundB] = await Promise.all([
      importDemoRound(world.a.org.id, { seed: 2026, respondents: 812, name: "Demo-like round" }),
      importDemoRound(world.b.org.id, { seed: 5, respondents: 60, name: "Eastvale round" }),
    ]);
    viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    base = `/orgs/${world.a.org.slug}/rounds/${roundA}`;
  });
  afterAll(async () => running.close());

  it("lists the demo's deliberate weaknesses and strengths under their headings, in the page's order", async () => {
    const response = await viewer.get(base);
    expect(response.status).toBe(200);
    const html = await response.text();
    const found = sections(html);
    for (const [code, gap] of Object.entries(DEMO_DELIBERATE_GAPS)) {
      expect(found[gap < 0 ? "weakness" : "strength"], code).toContain(findingId(code, "all"));
    }
    const text = pageText(html);
    const order = ["Weaknesses: areas to act on", "Strengths", "In line with England", "No national figure", "Too few answers to say", "How the process goes with good outcomes"];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((p) => p >= 0), positions.join()).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("says what the round is, that it is synthetic, and what it is compared with", async () => {
    const text = pageText(await (await viewer.get(base)).text());
    expect(text).toContain("Demo-like round");
    expect(text).toContain("812 people");
    expect(text).toContain("Synthetic data: not real people");
    expect(text).toContain("Compared with: approximate national figures from published POET reports");
  });

  it("draws each finding as a labelled chart and offers the same numbers as a table", async () => {
    const html = await (await viewer.get(base)).text();
    const evidence = (await loadRoundEvidence(world.a.org.id, roundA))!;
    const safe = evidence.analysis.findings.find((f) => f.id === "O_SAFE~all")!;
    // England's figure for feeling safe was published as "at least two thirds", and the chart says so.
    const label = `here ${Math.round(safe.percent!)}% (95% interval ${Math.round(safe.ciLow!)}% to ${Math.round(safe.ciHigh!)}%); England at least two thirds.`;
    expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-label="[^"]*feeling safe\\?: ${label.replace(/[().?]/g, "\\$&")}"`));
    expect(pageText(html)).toContain("Show the numbers as a table");
    expect(html).toContain("<table");
  });

  it("lists the process → outcome links unlikely to be chance first, led by counts, the odds ratio as detail", async () => {
    const text = pageText(await (await viewer.get(base)).text());
    const evidence = (await loadRoundEvidence(world.a.org.id, roundA))!;
    const top = evidence.analysis.links[0]!;
    expect(top.claimed).toBe(true);
    expect(text).toContain(top.sentence);
    expect(top.sentence).toMatch(/^\d+ of \d+ people who .+ \(\d+%\), against \d+ of \d+ who did not \(\d+%\)/);
    expect(text).toMatch(/Odds ratio \d+(\.\d)? \(95% interval \d+(\.\d)? to \d+(\.\d)?\); p = (below 0\.001|[01]\.\d{3}), q = (below 0\.001|[01]\.\d{3}) across every link of this round\. [\d,]+ people\./);
    expect(text).not.toContain("times as likely");
  });

  it("?group=survey:carer shows carers' findings only, and remembers the choice in the filter", async () => {
    const html = await (await viewer.get(`${base}?group=survey:carer`)).text();
    const ids = Object.values(sections(html)).flat();
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((id) => id.endsWith("~survey:carer")), ids.join()).toBe(true);
    expect(ids).not.toContain("O_SAFE~survey:carer");
    expect(sections(html).strength).toContain("P_VIEWS_INCLUDED~survey:carer");
    expect(html).toMatch(/<option value="survey:carer" selected="">/);
  });

  it("an unknown group falls back to everyone with a note", async () => {
    const response = await viewer.get(`${base}?group=nonsense`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(pageText(html)).toContain("This round has no one in that group, so it shows everyone.");
    expect(sections(html).weakness).toContain("O_SAFE~all");
  });

  it("?view=easy shows the easy-read wording without JavaScript, keeping the group", async () => {
    const evidence = (await loadRoundEvidence(world.a.org.id, roundA))!;
    const safe = evidence.analysis.findings.find((f) => f.id === "O_SAFE~all")!;
    const text = pageText(await (await viewer.get(`${base}?view=easy`)).text());
    expect(text).toContain("Things to make better");
    expect(text).toContain("Do you feel safer since you got your budget?");
    expect(text).toContain(safe.easyRead);
    expect(text).not.toContain(safe.sentence);
    expect(text).toContain("Show the standard wording");
    const carers = await (await viewer.get(`${base}?group=survey:carer&view=easy`)).text();
    expect(carers).toContain('<input type="hidden" name="view" value="easy"/>');
  });

  it("a finding's own page shows the question, the group, both sentences and every number", async () => {
    const evidence = (await loadRoundEvidence(world.a.org.id, roundA))!;
    const safe = evidence.analysis.findings.find((f) => f.id === "O_SAFE~all")!;
    const response = await viewer.get(`${base}/findings/O_SAFE~all`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = pageText(html);
    expect(text).toContain("What difference has your personal budget made to feeling safe?");
    expect(text).toContain("Group: Everyone");
    expect(text).toContain(safe.sentence);
    expect(text).toContain(safe.easyRead);
    expect(text).toContain(`People who gave a real answer (n) ${safe.n}`);
    expect(text).toContain(`Of them, a good answer ${safe.positive}`);
    expect(text).toContain(`95% interval (Wilson) ${Math.round(safe.ciLow!)}% to ${Math.round(safe.ciHigh!)}%`);
    expect(text).toContain("England at least two thirds Where England's figure comes from 2014 third national survey: at least two thirds (2013: about 50%) (approximate)");
    expect(text).toContain("Result Weakness A weakness: fewer people here");
    expect(text).toContain("How we decide");
    expect(html).toContain(`href="${base}/findings/O_SAFE~survey%3Aholder"`);
    expect(html).toMatch(/<svg[^>]*role="img"/);
  });

  it("a finding id that is malformed, unknown or not asked of that group is a 404", async () => {
    for (const id of ["not-an-id", "O_SAFE~nogroup", "O_NOPE~all", "O_SAFE~survey:carer", "O_SAFE"]) {
      expect((await viewer.get(`${base}/findings/${encodeURIComponent(id)}`)).status, id).toBe(404);
    }
    expect((await viewer.get(`/orgs/${world.a.org.slug}/rounds/no-such-round`)).status).toBe(404);
  });

  it("another council's round and findings are 404 under either council's address", async () => {
    for (const path of [
      `/orgs/${world.a.org.slug}/rounds/${roundB}`,
      `/orgs/${world.a.org.slug}/rounds/${roundB}/findings/O_SAFE~all`,
      `/orgs/${world.b.org.slug}/rounds/${roundB}`,
      `/orgs/${world.b.org.slug}/rounds/${roundB}/findings/O_SAFE~all`,
      `/orgs/${world.b.org.slug}/rounds/${roundA}`,
    ]) {
      expect((await viewer.get(path)).status, path).toBe(404);
    }
    const outsider = await new Visitor(running.baseUrl).signIn(world.outsider.email, PASSWORD);
    expect((await outsider.get(base)).status).toBe(404);
    expect((await outsider.get(`${base}/findings/O_SAFE~all`)).status).toBe(404);
    expect((await outsider.get(`/orgs/${world.b.org.slug}/rounds/${roundB}`)).status).toBe(200);
  });
});
