// Contact details left to hear back: kept apart from answers and shown on exactly one page (the
// owner's hear-back list) — never in findings, exports, the audit log or any other page — offered to
// "you said, we did" through listHearBackContacts, and deleted on the council's retention date.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { deleteExpiredContacts, listHearBackContacts } from "~/services/collect/hearBack.server";
import { openCollection } from "~/services/collect/openCollection.server";
import { submitResponse } from "~/services/collect/submitResponse.server";
import { answerByForm, collectTestApp, openTestCollection } from "../../support/collect";
import { Visitor } from "../../support/visitor";
import { PASSWORD } from "../../support/world";

const EMAIL = "hear-me-back@example.org";
const PHONE = "01632 960 123";
const NAME = "Rosalind Hearback";

describe("contact details to hear back", () => {
  const app = collectTestApp("owner");

  it("appear only on the owner's hear-back list: never in findings, exports, the audit log or other pages", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    await db().workspaceRound.create({ data: { workspaceId: app.world.a.workspace.id, roundId: collection.roundId } });
    const person = new Visitor(app.running.baseUrl);
    const sent = await answerByForm(person, collection.openCode, { O_DIGNITY: "better" }, { total: 25, contact: { name: NAME, email: EMAIL, phone: PHONE } });
    expect(sent.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);

    const list = await app.owner.get(`/orgs/${app.world.a.org.slug}/collections/${collection.id}/hear-back`);
    const listHtml = await list.text();
    for (const detail of [NAME, EMAIL, PHONE]) expect(listHtml).toContain(detail);
    expect(listHtml).not.toContain("O_DIGNITY");

    const facilitator = await new Visitor(app.running.baseUrl).signIn(app.world.facilitator.email, PASSWORD);
    expect((await facilitator.get(`/orgs/${app.world.a.org.slug}/collections/${collection.id}/hear-back`)).status).toBe(403);

    const elsewhere = [
      `/orgs/${app.world.a.org.slug}/rounds/${collection.roundId}`,
      `/orgs/${app.world.a.org.slug}/rounds/${collection.roundId}/findings/O_DIGNITY~all`,
      `/orgs/${app.world.a.org.slug}/collections/${collection.id}`,
      `/orgs/${app.world.a.org.slug}/collections`,
      `/orgs/${app.world.a.org.slug}/audit`,
      `/orgs/${app.world.a.org.slug}`,
      `/w/${app.world.a.workspace.id}/plan`,
      `/w/${app.world.a.workspace.id}/plan.csv`,
      `/w/${app.world.a.workspace.id}/report`,
    ];
    for (const path of elsewhere) {
      const response = await app.owner.get(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      for (const detail of [NAME, EMAIL, PHONE]) expect(body, `${path} shows ${detail}`).not.toContain(detail);
    }
    const evidence = JSON.stringify(await loadRoundEvidence(app.world.a.org.id, collection.roundId));
    const respondents = JSON.stringify(await db().respondent.findMany({ where: { roundId: collection.roundId } }));
    const audit = JSON.stringify(await db().auditEvent.findMany());
    for (const text of [evidence, respondents, audit]) for (const detail of [NAME, EMAIL, PHONE]) expect(text).not.toContain(detail);

    // Nothing in the stored contact can pair it with the answers: no reference, and only the day it came.
    const [stored] = await db().hearBackContact.findMany({ where: { collectionId: collection.id } });
    expect(Object.keys(stored!).sort()).toEqual(["collectionId", "createdAt", "email", "id", "linkOrigin", "name", "phone", "unsubscribeToken"]);
    expect(stored!.createdAt.toISOString()).toMatch(/T00:00:00\.000Z$/);

    expect(await listHearBackContacts(app.world.a.org.id, collection.roundId)).toEqual([{ id: stored!.id, name: NAME, email: EMAIL, phone: PHONE }]);
    expect(await listHearBackContacts(app.world.b.org.id, collection.roundId)).toEqual([]);
  });

  it("are deleted on the retention date, and never offered after it", async () => {
    const open = (name: string, contactRetentionUntil: Date) =>
      openCollection({ orgId: app.world.a.org.id, name, questionSetVersion: "adult-2014", survey: "holder", opensAt: new Date(Date.now() - 60_000), closesAt: null, contactRetentionUntil, actor: null });
    const soon = await open("Retention soon", new Date(Date.now() + 60 * 60_000));
    const later = await open("Retention later", new Date(Date.now() + 365 * 86_400_000));
    for (const c of [soon, later]) {
      const result = await submitResponse({ collectionId: c.id, source: "link", personalCodeId: null, answers: { O_QOL: "better" }, about: {}, draftId: null, contact: { name: "", email: `${c.name.replace(/\W/g, "")}@example.org`, phone: "" } });
      expect(result.status).toBe("sent");
    }
    expect(await deleteExpiredContacts(new Date())).toBe(0);
    expect(await listHearBackContacts(app.world.a.org.id, soon.roundId)).toHaveLength(1);

    const afterRetention = new Date(Date.now() + 2 * 60 * 60_000);
    expect(await listHearBackContacts(app.world.a.org.id, soon.roundId, afterRetention)).toEqual([]);
    expect(await db().hearBackContact.count({ where: { collectionId: soon.id } })).toBe(0);
    expect(await db().hearBackContact.count({ where: { collectionId: later.id } })).toBe(1);
    expect(await deleteExpiredContacts(afterRetention)).toBe(0);
    // The answers stay: only the contact details go.
    expect(await db().respondent.count({ where: { roundId: soon.roundId } })).toBe(1);
    const log = await db().auditEvent.findFirst({ where: { action: "hear-back-deleted", orgId: app.world.a.org.id } });
    expect(log?.detail).toBe("1 contact detail for Retention soon");
  });
});
