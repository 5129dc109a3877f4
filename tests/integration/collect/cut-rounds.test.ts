// Cutting an open-ended collection into rounds by date range, through the real server and database:
// the answers of the chosen months move into a new round (findings and counts follow), later answers
// keep arriving in the collection, a person can still withdraw from the cut round, and a bad range
// gets a message saying how to fix it.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { createPersonalCodes } from "~/services/collect/personalCodes.server";
import { submitResponse, withdrawResponse } from "~/services/collect/submitResponse.server";
import { collectTestApp, openTestCollection, respondentsOf, sendPeople, syntheticPeople } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { PASSWORD } from "../../support/world";

describe("cutting an open-ended collection into rounds", () => {
  const app = collectTestApp("owner");

  it("moves the answers of the chosen months into a new round; later answers stay in the collection", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const [code] = await createPersonalCodes(app.world.a.org.id, collection.id, 1, app.world.owner);
    const personal = await db().surveyCode.findUniqueOrThrow({ where: { code: code! } });
    expect(await submitResponse({ collectionId: collection.id, source: "code", personalCodeId: personal.id, answers: { O_QOL: "better" }, about: {}, draftId: null, contact: null })).toMatchObject({ status: "sent" });
    await sendPeople(collection.id, syntheticPeople("holder", 5));
    const people = await respondentsOf(collection.roundId);
    expect(people[0]!.collectedMonth).toBe(new Date().toISOString().slice(0, 7));
    // Pretend they arrived over three months: 2 in January, 2 in February, 2 in April.
    const months = ["2027-01", "2027-01", "2027-02", "2027-02", "2027-04", "2027-04"];
    const codeAnswer = (await db().surveyCode.findUniqueOrThrow({ where: { id: personal.id } })).respondentId!;
    const ordered = [codeAnswer, ...people.map((p) => p.id).filter((id) => id !== codeAnswer)];
    for (const [i, id] of ordered.entries()) await db().respondent.update({ where: { id }, data: { collectedMonth: months[i]! } });

    const base = `/orgs/${app.world.a.org.slug}/collections/${collection.id}`;
    const swapped = await app.owner.post(`${base}?index`, { intent: "cut", name: "Q1 2027", from: "2027-03", to: "2027-01" });
    expect(swapped.status).toBe(400);
    expect(await swapped.text()).toContain("The first month (March 2027) is after the last (January 2027). Swap them.");
    const empty = await app.owner.post(`${base}?index`, { intent: "cut", name: "Q4 2026", from: "2026-10", to: "2026-12" });
    expect(await empty.text()).toContain("No answers in this collection arrived in October 2026 to December 2026, so there is nothing to cut.");
    const viewer = await new Visitor(app.running.baseUrl).signIn(app.world.viewer.email, PASSWORD);
    expect((await viewer.post(`${base}?index`, { intent: "cut", name: "Q1 2027", from: "2027-01", to: "2027-03" })).status).toBe(403);

    const cut = await app.owner.post(`${base}?index`, { intent: "cut", name: "Q1 2027", from: "2027-01", to: "2027-03" });
    expect(cut.status).toBe(302);
    const roundUrl = cut.headers.get("location")!;
    const roundId = roundUrl.split("/").pop()!;
    expect(await respondentsOf(roundId)).toHaveLength(4);
    expect(await respondentsOf(collection.roundId)).toHaveLength(2);
    const round = await db().poetRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ name: "Q1 2027", respondentCount: 4, kind: "respondents" });
    expect(round.fieldworkStart?.toISOString().slice(0, 10)).toBe("2027-01-01");
    expect(round.fieldworkEnd?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect((await db().poetRound.findUniqueOrThrow({ where: { id: collection.roundId } })).respondentCount).toBe(2);
    expect(await (await app.owner.get(roundUrl)).text()).toContain("4 people");
    const page = await (await app.owner.get(base)).text();
    expect(page).toContain("Answers so far: 2");
    expect(page).toContain("Q1 2027</a> (4 answers)");

    // The collection carries on; a person in the cut round can still take their answers back.
    await sendPeople(collection.id, syntheticPeople("holder", 1, 9));
    expect(await respondentsOf(collection.roundId)).toHaveLength(3);
    expect(await withdrawResponse(code!)).toEqual({ status: "withdrawn" });
    expect(await respondentsOf(roundId)).toHaveLength(3);
    expect((await db().poetRound.findUniqueOrThrow({ where: { id: roundId } })).respondentCount).toBe(3);
  });

  it("a collection with a closing date is one round and is not cut", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    await db().collection.update({ where: { id: collection.id }, data: { closesAt: new Date(Date.now() + 86_400_000) } });
    const refused = await app.owner.post(`/orgs/${app.world.a.org.slug}/collections/${collection.id}?index`, { intent: "cut", name: "Part", from: "2027-01", to: "2027-01" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Only open-ended collections are cut into rounds");
  });
});
