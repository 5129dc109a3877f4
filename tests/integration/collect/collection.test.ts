// Collecting POET answers in the app, through the real server and database: answers sent with plain
// forms become respondents of the collection's round; a personal code works once even under
// concurrent sends; closing refuses answers with a clear message; a withdrawn answer leaves the
// findings exactly as if it had never been given; scripted flooding of the open link is refused.
import { describe, expect, it } from "vitest";
import { formQuestions } from "~/domain/collect";
import { adult2014 } from "~/domain/poet";
import { db } from "~/models/db.server";
import { loadRoundEvidence } from "~/models/round.server";
import { addressKey } from "~/services/collect/surveyAccess.server";
import { createPersonalCodes } from "~/services/collect/personalCodes.server";
import { closeCollection } from "~/services/collect/openCollection.server";
import { submitResponse, withdrawResponse } from "~/services/collect/submitResponse.server";
import { answerByForm, collectTestApp, openTestCollection, respondentsOf, sendPeople, syntheticPeople } from "../../support/collect";
import { Visitor } from "../../support/visitor";

const holderQuestions = formQuestions(adult2014, "holder");

describe("collecting POET answers", () => {
  const app = collectTestApp("owner");

  it("answers sent with plain forms through the open link become one respondent of the round, recorded as 'link'", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const person = new Visitor(app.running.baseUrl);
    const sent = await answerByForm(person, collection.openCode, { O_DIGNITY: "a lot better", O_SAFE: "don't know", P_KNOWN: "yes", P_KNEW_AMOUNT: "no" }, {
      wording: "easy",
      about: { ageBand: "65-plus" },
      total: holderQuestions.length,
    });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);
    const people = await respondentsOf(collection.roundId);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ survey: "holder", ageBand: "65-plus", supportReason: "", source: "link" });
    expect(JSON.parse(people[0]!.answers)).toEqual({ O_DIGNITY: "a lot better", O_SAFE: "don't know", P_KNEW_AMOUNT: "no" });
    const round = await app.owner.get(`/orgs/${app.world.a.org.slug}/rounds/${collection.roundId}`);
    expect(round.status).toBe(200);
    expect(await round.text()).toContain("1 person");
  });

  it("a personal code works exactly once, even when the same answers are sent many times at once", async () => {
    const collection = await openTestCollection(app.world.a.org.id, { survey: "carer" });
    const [code] = await createPersonalCodes(app.world.a.org.id, collection.id, 1, app.world.owner);
    const personal = await db().surveyCode.findUniqueOrThrow({ where: { code: code! } });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        submitResponse({ collectionId: collection.id, source: "code", personalCodeId: personal.id, answers: { C_WELL: "better" }, about: {}, draftId: null, contact: null }),
      ),
    );
    expect(results.filter((r) => r.status === "sent")).toHaveLength(1);
    expect(results.filter((r) => r.status === "code-used")).toHaveLength(7);
    expect(await respondentsOf(collection.roundId)).toHaveLength(1);
    expect((await db().poetRound.findUniqueOrThrow({ where: { id: collection.roundId } })).respondentCount).toBe(1);
    const again = await new Visitor(app.running.baseUrl).get(`/survey/${code}`);
    expect(await again.text()).toContain("This personal code has already been used");
  });

  it("closing refuses every later answer with a clear message, and no answer lands after the close", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const person = new Visitor(app.running.baseUrl);
    expect((await person.post(`/survey/${collection.openCode}`, { wording: "standard", layout: "all" })).status).toBe(302);
    const close = await app.owner.post(`/orgs/${app.world.a.org.slug}/collections/${collection.id}?index`, { intent: "close" });
    expect(close.status).toBe(302);
    const send = await person.post(`/survey/${collection.openCode}/all`, { intent: "send", q_O_QOL: "better" });
    expect(send.status).toBe(302);
    const page = await person.get(send.headers.get("location")!);
    expect(await page.text()).toContain("This survey has closed, so it cannot take any more answers.");
    expect(await respondentsOf(collection.roundId)).toHaveLength(0);

    // Sends racing a close: every answer that was accepted is counted, and none is accepted after.
    const racing = await openTestCollection(app.world.a.org.id);
    const sends = Array.from({ length: 10 }, () => submitResponse({ collectionId: racing.id, source: "link", personalCodeId: null, answers: { O_QOL: "better" }, about: {}, draftId: null, contact: null }));
    const closing = closeCollection(app.world.a.org.id, racing.id, app.world.owner);
    const results = await Promise.all(sends);
    await closing;
    const accepted = results.filter((r) => r.status === "sent").length;
    expect(await respondentsOf(racing.roundId)).toHaveLength(accepted);
    for (const r of results) if (r.status !== "sent") expect(r).toMatchObject({ status: "closed", message: expect.stringContaining("has closed") });
    const late = await submitResponse({ collectionId: racing.id, source: "link", personalCodeId: null, answers: {}, about: {}, draftId: null, contact: null });
    expect(late).toMatchObject({ status: "closed" });
  });

  it("a withdrawn response leaves the findings exactly as if it had never been given", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const people = syntheticPeople("holder", 30);
    await sendPeople(collection.id, people.slice(0, 29));
    const before = await loadRoundEvidence(app.world.a.org.id, collection.roundId);
    const [code] = await createPersonalCodes(app.world.a.org.id, collection.id, 1, app.world.owner);
    const personal = await db().surveyCode.findUniqueOrThrow({ where: { code: code! } });
    const last = people[29]!;
    const sent = await submitResponse({ collectionId: collection.id, source: "code", personalCodeId: personal.id, answers: last.answers, about: { ageBand: last.ageBand ?? undefined }, draftId: null, contact: null });
    expect(sent.status).toBe("sent");
    const during = await loadRoundEvidence(app.world.a.org.id, collection.roundId);
    expect(during!.analysis.findings).not.toEqual(before!.analysis.findings);

    const withdraw = await new Visitor(app.running.baseUrl).post("/survey/withdraw", { code: code!.toLowerCase().replace("-", " ") });
    expect(await withdraw.text()).toContain("Your answers have been taken back");
    const after = await loadRoundEvidence(app.world.a.org.id, collection.roundId);
    expect(after!.analysis.findings).toEqual(before!.analysis.findings);
    expect(after!.analysis.links).toEqual(before!.analysis.links);
    expect(await withdrawResponse(code!)).toEqual({ status: "already-withdrawn" });
    const reuse = await new Visitor(app.running.baseUrl).get(`/survey/${code}`);
    expect(await reuse.text()).toContain("already been used");
  });

  it("the open link refuses scripted sends: a filled trap field is thanked but not counted, and a busy address is told to wait", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const bot = new Visitor(app.running.baseUrl);
    expect((await bot.post(`/survey/${collection.openCode}`, { wording: "standard", layout: "all" })).status).toBe(302);
    const trapped = await bot.post(`/survey/${collection.openCode}/all`, { intent: "send", q_O_QOL: "a lot better", website: "http://spam.example" });
    expect(trapped.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);
    expect(await respondentsOf(collection.roundId)).toHaveLength(0);

    await db().auditEvent.createMany({ data: Array.from({ length: 20 }, () => ({ action: "survey-response-sent", actorLabel: "open link", ip: addressKey("127.0.0.1") })) });
    const busy = new Visitor(app.running.baseUrl);
    expect((await busy.post(`/survey/${collection.openCode}`, { wording: "standard", layout: "all" })).status).toBe(302);
    const limited = await busy.post(`/survey/${collection.openCode}/all`, { intent: "send", q_O_QOL: "better" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many attempts. Please try again in");
    expect(await respondentsOf(collection.roundId)).toHaveLength(0);
    const stored = await db().auditEvent.findMany({ where: { action: "survey-response-sent" }, select: { ip: true } });
    expect(stored.every((e) => !e.ip.includes("127.0.0.1"))).toBe(true);
  });

  it("a draft survives leaving: saved answers come back by resume code on another device", async () => {
    const collection = await openTestCollection(app.world.a.org.id);
    const first = new Visitor(app.running.baseUrl);
    await first.post(`/survey/${collection.openCode}`, { wording: "standard", layout: "one" });
    await first.post(`/survey/${collection.openCode}/1`, { intent: "save", [`q_${holderQuestions[0]!.code}`]: "worse" });
    const saved = await (await first.get(`/survey/${collection.openCode}/saved`)).text();
    const resumeCode = saved.match(/class="survey-code"[^>]*>([A-Z0-9-]+)</)?.[1];
    expect(resumeCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const second = new Visitor(app.running.baseUrl);
    const back = await second.post("/survey", { code: resumeCode!.toLowerCase() });
    expect(back.headers.get("location")).toBe(`/survey/${collection.openCode}/1`);
    const page = await (await second.get(`/survey/${collection.openCode}/1`)).text();
    expect(page).toMatch(/name="q_O_DIGNITY" checked="" value="worse"/);
  });
});
