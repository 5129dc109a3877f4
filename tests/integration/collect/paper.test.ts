// Paper forms: the printable form lists every question of the collection's form in the chosen wording,
// and a sheet typed in becomes a respondent recorded as "paper" — once only, and never after closing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { openTestCollection, respondentsOf } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

describe("paper forms", () => {
  let running: RunningApp;
  let world: World;
  let facilitator: Visitor;

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    facilitator = await new Visitor(running.baseUrl).signIn(world.facilitator.email, PASSWORD);
  });
  afterAll(async () => running.close());

  it("prints the carer form in easy read, and a typed-in sheet counts once as a paper answer", async () => {
    const collection = await openTestCollection(world.a.org.id, { survey: "carer" });
    const base = `/orgs/${world.a.org.slug}/collections/${collection.id}`;
    const paper = await (await facilitator.get(`${base}/paper?wording=easy`)).text();
    expect(paper).toContain("Questions for carers");
    expect(paper).toContain("Are you staying well since the budget?");
    expect(paper).not.toContain("Are you treated with more respect");

    const sheet = { sheet: "P-017", q_C_WELL: "better", q_P_INFO: "very easy", about_ageBand: "65-plus" };
    const first = await facilitator.post(`${base}/enter`, sheet);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Sheet P-017 entered. 1 answer so far.");
    const again = await facilitator.post(`${base}/enter`, sheet);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Sheet P-017 has already been entered, so it was not added again.");
    const bad = await facilitator.post(`${base}/enter`, { sheet: "P-018", q_C_WELL: "betterish" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("&quot;betterish&quot; is not an answer to C_WELL");

    const people = await respondentsOf(collection.roundId);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ source: "paper", survey: "carer", ageBand: "65-plus", externalId: "paper-P-017" });
    expect(JSON.parse(people[0]!.answers)).toEqual({ C_WELL: "better", P_INFO: "very easy" });

    await facilitator.post(`${base}?index`, { intent: "close" });
    const late = await facilitator.post(`${base}/enter`, { sheet: "P-019", q_C_WELL: "worse" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("This survey has closed");
    expect(await respondentsOf(collection.roundId)).toHaveLength(1);
  });
});
