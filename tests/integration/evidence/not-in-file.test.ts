// A file that leaves questions out: the round page lists them as "not in this file", apart from questions
// nobody answered, and never says "nobody gave an answer" about a question the council did not ask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPoetRound } from "~/services/importPoetRound.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

describe("questions missing from a file", () => {
  let running: RunningApp;
  let world: World;
  let viewer: Visitor;
  let base: string;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    // O_SAFE answered, O_QOL present but blank for everyone, every other question absent.
    const rows = Array.from({ length: 40 }, (_, i) => `R${i},Budget holder,${i % 2 ? "better" : "no change"},`);
    const csv = ["respondent_id,survey,O_SAFE,O_QOL", ...rows].join("\n");
    const result = await importPoetRound({ orgId: world.a.org.id, importedBy: null, roundName: "Short form", fileName: "short.csv", bytes: new TextEncoder().encode(csv) });
    if (result.status !== "imported") throw new Error(JSON.stringify(result).slice(0, 500));
    viewer = await new Visitor(running.baseUrl).signIn(world.viewer.email, PASSWORD);
    base = `/orgs/${world.a.org.slug}/rounds/${result.roundId}`;
  });
  afterAll(async () => running.close());

  it("lists the questions the file had no column for, separately from a question nobody answered", async () => {
    const text = pageText(await (await viewer.get(base)).text());
    expect(text).toMatch(/Not in this file \(27\) The file had no column for these questions/);
    expect(text).toContain("What difference has your personal budget made to your dignity in the support you get?");
    // O_QOL was in the file and left blank: that one is "nobody gave an answer".
    expect(text).toContain('Nobody gave an answer other than "don\'t know" or a blank');
    expect((text.match(/Nobody gave an answer/g) ?? []).length).toBe(1); // the page shows Everyone: O_QOL only
  });
});
