// Assisted reviews, through the real server and database: each answer a device kept offline arrives
// under its own key and is stored exactly once, however many times (and however concurrently) a
// flaky connection makes the device send it; a closed collection, a bad answer, a signed-out device
// and a member without the right role each get a clear answer the device can act on.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { collectTestApp, openTestCollection, respondentsOf } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { PASSWORD } from "../../support/world";

describe("answers recorded in assisted reviews", () => {
  const app = collectTestApp("facilitator");

  it("an answer sent again and again, some at the same time, is stored once as 'assisted'", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const send = `/assist/${app.world.a.org.slug}/${collection.id}/send`;
    const key = randomUUID();
    const body = { key, fields: [["q_O_DIGNITY", "better"], ["q_O_SAFE", "don't know"], ["about_ageBand", "65-plus"], ["about_supportReason", ""]] };
    const replies = await Promise.all(Array.from({ length: 6 }, () => app.facilitator.postJson(send, body)));
    const statuses = await Promise.all(replies.map(async (r) => ({ code: r.status, ...((await r.json()) as { status: string }) })));
    expect(statuses.filter((s) => s.status === "sent")).toHaveLength(1);
    expect(statuses.filter((s) => s.status === "already-sent")).toHaveLength(5);
    expect(statuses.every((s) => s.code === 200)).toBe(true);
    const later = await app.facilitator.postJson(send, body);
    expect(await later.json()).toMatchObject({ status: "already-sent" });

    const other = await app.facilitator.postJson(send, { key: randomUUID(), fields: [["q_O_DIGNITY", "worse"]] });
    expect(await other.json()).toMatchObject({ status: "sent" });

    const people = await respondentsOf(collection.roundId);
    expect(people).toHaveLength(2);
    expect(people.map((p) => p.source)).toEqual(["assisted", "assisted"]);
    const first = people.find((p) => p.externalId === `assisted-${key}`)!;
    expect(first).toMatchObject({ ageBand: "65-plus", supportReason: "" });
    expect(first.collectedMonth).toMatch(/^\d{4}-\d{2}$/);
    expect(JSON.parse(first.answers)).toEqual({ O_DIGNITY: "better", O_SAFE: "don't know" });
    expect((await db().poetRound.findUniqueOrThrow({ where: { id: collection.roundId } })).respondentCount).toBe(2);
    const page = await (await app.facilitator.get(`/orgs/${app.world.a.org.slug}/collections/${collection.id}`)).text();
    expect(page).toMatch(/Assisted in a review<\/th><td>2<\/td>/);
  });

  it("refusals say what to do: a bad answer or a closed collection is refused for good, a signed-out device is told to sign in", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const send = `/assist/${app.world.a.org.slug}/${collection.id}/send`;
    const bad = await app.facilitator.postJson(send, { key: randomUUID(), fields: [["q_O_DIGNITY", "betterish"]] });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as { message: string }).toMatchObject({ status: "invalid", message: expect.stringContaining('"betterish" is not an answer to O_DIGNITY') });
    const noKey = await app.facilitator.postJson(send, { key: "x", fields: [] });
    expect(noKey.status).toBe(400);

    const signedOut = await new Visitor(app.running.baseUrl).postJson(send, { key: randomUUID(), fields: [] });
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ status: "signed-out" });

    const member = await new Visitor(app.running.baseUrl).signIn(app.world.member.email, PASSWORD);
    expect((await member.postJson(send, { key: randomUUID(), fields: [] })).status).toBe(403);
    const outsider = await new Visitor(app.running.baseUrl).signIn(app.world.outsider.email, PASSWORD);
    expect((await outsider.postJson(send, { key: randomUUID(), fields: [] })).status).toBe(404);

    await app.facilitator.post(`/orgs/${app.world.a.org.slug}/collections/${collection.id}?index`, { intent: "close" });
    const late = await app.facilitator.postJson(send, { key: randomUUID(), fields: [["q_O_DIGNITY", "better"]] });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ status: "closed", message: expect.stringContaining("This survey has closed") });
    expect(await respondentsOf(collection.roundId)).toHaveLength(0);
  });

  it("without JavaScript the page's own form stores the answer straight away, once even if posted twice", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const page = `/assist/${app.world.a.org.slug}/${collection.id}`;
    const html = await (await app.facilitator.get(page)).text();
    expect(html).toContain("Record answers in a review");
    const key = html.match(/name="key" value="([^"]+)"/)![1]!;
    for (let i = 0; i < 2; i++) {
      const posted = await app.facilitator.post(page, { key, q_O_QOL: "better", about_ageBand: "" });
      expect(posted.status).toBe(302);
      expect(posted.headers.get("location")).toBe(`${page}?sent=1`);
    }
    expect(await respondentsOf(collection.roundId)).toHaveLength(1);
  });
});
