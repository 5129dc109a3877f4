// While a collection is open its round page shows the findings so far and how many answers they rest
// on, and moves as answers arrive; the owner sees counts by way in and by group, with small groups
// shown as "fewer than 5"; once closed, the round says it is final and feeds a plan like an import.
import { describe, expect, it } from "vitest";
import { collectTestApp, openTestCollection, sendPeople, syntheticPeople } from "../../support/collect";

describe("live results of a collection", () => {
  const app = collectTestApp("owner");

  it("the round page counts answers as they arrive, says what is too few, and freezes when closed", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const roundPage = `/orgs/${app.world.a.org.slug}/rounds/${collection.roundId}`;
    const empty = await (await app.owner.get(roundPage)).text();
    expect(empty).toContain("Still collecting: 0 answers so far.");

    const people = syntheticPeople("holder", 14, 3).map((p, i) => ({ ...p, ageBand: i < 11 ? ("18-64" as const) : ("65-plus" as const) }));
    await sendPeople(collection.id, people.slice(0, 3));
    const three = await (await app.owner.get(roundPage)).text();
    expect(three).toContain("Still collecting: 3 answers so far.");
    expect(three).toMatch(/\d+ too few to say\./);

    await sendPeople(collection.id, people.slice(3));
    const fourteen = await (await app.owner.get(roundPage)).text();
    expect(fourteen).toContain("Still collecting: 14 answers so far.");

    const page = await (await app.owner.get(`/orgs/${app.world.a.org.slug}/collections/${collection.id}`)).text();
    expect(page).toContain("Answers so far: 14");
    expect(page).toMatch(/<th scope="row">Open link<\/th><td>14<\/td>/);
    expect(page).toMatch(/<th scope="row">18-64<\/th><td>11<\/td>/);
    expect(page).toMatch(/<th scope="row">65\+<\/th><td>fewer than 5<\/td>/);

    expect((await app.owner.post(`/orgs/${app.world.a.org.slug}/collections/${collection.id}?index`, { intent: "close" })).status).toBe(302);
    const closed = await (await app.owner.get(roundPage)).text();
    expect(closed).toContain("Collected in the app: 14 answers. The collection is closed, so these findings are final");
    const plan = await app.owner.post(`/orgs/${app.world.a.org.slug}?index`, { name: "Plan from collected answers", roundId: collection.roundId });
    expect(plan.status).toBe(302);
    const workspace = await (await app.owner.get(plan.headers.get("location")!)).text();
    expect(workspace).toContain("Plan from collected answers");
  });
});
