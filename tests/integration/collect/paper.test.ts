// Paper forms: the printable form lists every question of the collection's form in the chosen wording,
// and a sheet typed in becomes a respondent recorded as "paper" — once only, and never after closing.
import { describe, expect, it } from "vitest";
import { collectTestApp, openTestCollection, respondentsOf } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { PASSWORD } from "../../support/world";

describe("paper forms", () => {
  const app = collectTestApp("facilitator");

  it("prints the carer form in easy read, and a typed-in sheet counts once as a paper answer", async () => {
    const collection = await openTestCollection(app.world.a.org.id, { survey: "carer" });
    const base = `/orgs/${app.world.a.org.slug}/collections/${collection.id}`;
    const paper = await (await app.facilitator.get(`${base}/paper?wording=easy`)).text();
    expect(paper).toContain("Questions for carers");
    expect(paper).toContain("Are you staying well since the budget?");
    expect(paper).not.toContain("Are you treated with more respect");

    const sheet = { sheet: "P-017", q_C_WELL: "better", q_P_INFO: "very easy", about_ageBand: "65-plus" };
    const first = await app.facilitator.post(`${base}/enter`, sheet);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Sheet P-017 entered. 1 answer so far.");
    const again = await app.facilitator.post(`${base}/enter`, sheet);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Sheet P-017 has already been entered, so it was not added again.");
    const bad = await app.facilitator.post(`${base}/enter`, { sheet: "P-018", q_C_WELL: "betterish" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("&quot;betterish&quot; is not an answer to C_WELL");

    const people = await respondentsOf(collection.roundId);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ source: "paper", survey: "carer", ageBand: "65-plus", externalId: "paper-P-017" });
    expect(JSON.parse(people[0]!.answers)).toEqual({ C_WELL: "better", P_INFO: "very easy" });

    await app.facilitator.post(`${base}?index`, { intent: "close" });
    const late = await app.facilitator.post(`${base}/enter`, { sheet: "P-019", q_C_WELL: "worse" });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("This survey has closed");
    expect(await respondentsOf(collection.roundId)).toHaveLength(1);
  });

  it("with second entry on, a sheet counts only when two entries agree or a reviewer has settled each difference", async () => {
    const collection = await openTestCollection(app.world.a.org.id, { survey: "carer" });
    const base = `/orgs/${app.world.a.org.slug}/collections/${collection.id}`;
    expect((await app.facilitator.post(`${base}/enter`, { intent: "double-entry", on: "yes" })).status).toBe(200);

    // Sheet 1: both entries agree.
    const sheet1 = { sheet: "1", q_C_WELL: "better", about_ageBand: "65-plus" };
    expect(await (await app.facilitator.post(`${base}/enter`, sheet1)).text()).toContain("Sheet 1 entered once. It counts when it has been typed in a second time.");
    expect(await respondentsOf(collection.roundId)).toHaveLength(0);
    expect(await (await app.facilitator.post(`${base}/enter`, sheet1)).text()).toContain("Sheet 1 entered a second time and both entries agree, so it now counts. 1 answer so far.");

    // Sheet 2: the entries differ on one answer and on the age group.
    await app.facilitator.post(`${base}/enter`, { sheet: "2", q_C_WELL: "worse", q_P_INFO: "very easy", about_ageBand: "18-64" });
    const second = await app.facilitator.post(`${base}/enter`, { sheet: "2", q_C_WELL: "a lot worse", q_P_INFO: "very easy", about_ageBand: "" });
    expect(await second.text()).toContain("Sheet 2 entered a second time, but 2 answers differ from the first entry.");
    expect(await respondentsOf(collection.roundId)).toHaveLength(1);
    const third = await app.facilitator.post(`${base}/enter`, { sheet: "2", q_C_WELL: "worse" });
    expect(third.status).toBe(409);

    const check = await (await app.facilitator.get(`${base}/check`)).text();
    expect(check).toContain("Sheet 2: 2 differences");
    expect(check).toContain("First entry: Worse. Second entry: A lot worse.");
    expect(check).toContain("First entry: 18-64. Second entry: Left blank on the paper.");
    const sheetId = check.match(/name="sheetId" value="([^"]+)"/)![1]!;
    const half = await app.facilitator.post(`${base}/check`, { sheetId, q_C_WELL: "worse" });
    expect(half.status).toBe(409);
    expect(await half.text()).toContain("Choose what sheet 2 says for every difference: 1 still to choose.");
    expect(await respondentsOf(collection.roundId)).toHaveLength(1);
    const settled = await app.facilitator.post(`${base}/check`, { sheetId, q_C_WELL: "worse", about_ageBand: "18-64" });
    expect(await settled.text()).toContain("Sheet 2 checked and counted.");

    const people = await respondentsOf(collection.roundId);
    expect(people.map((p) => p.externalId)).toEqual(["paper-1", "paper-2"]);
    expect(JSON.parse(people[1]!.answers)).toEqual({ C_WELL: "worse", P_INFO: "very easy" });
    expect(people[1]).toMatchObject({ ageBand: "18-64", source: "paper" });
    expect(await (await app.facilitator.get(`${base}/check`)).text()).toContain("No sheets to check");
    expect((await app.facilitator.post(`${base}/enter`, sheet1)).status).toBe(409);
    const viewer = await new Visitor(app.running.baseUrl).signIn(app.world.viewer.email, PASSWORD);
    expect((await viewer.get(`${base}/check`)).status).toBe(403);
  });
});
