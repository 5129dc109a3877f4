// People who answered a survey this plan is built on and left contact details to hear back get a
// "you said, we did" email (a real SMTP server here) when an action answering a finding moves; someone
// who left no details gets nothing; the email's unsubscribe link works without signing in, deletes the
// contact details, and afterwards nothing more is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startMailbox, type Mailbox } from "../../support/mailbox";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { answerByForm, openTestCollection } from "../../support/collect";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, type World } from "../../support/world";
import { pageText } from "../evidence/pageText";

let mailbox: Mailbox;
let running: RunningApp;
let world: World;
const ANSWERED = "respite-answer";
const UNLINKED = "tidy-the-office";
const mailTo = (address: string) => mailbox.to(address);

beforeAll(async () => {
  mailbox = await startMailbox();
  running = await startTestApp({ SMTP_URL: mailbox.url, SMTP_FROM: "Westshire plans <plans@westshire.example>" });
  world = await createWorld();
});
afterAll(async () => {
  await running.close();
  await mailbox.close();
});

/** A status change made on the live document by a staff member, as the board does. */
async function moveStatus(actionId: string, status: string) {
  await running.collab.withDocument(world.a.workspace.id, (doc) => updateAction(doc, actionId, { status }), { source: "server", actorId: world.member.id, actorName: "Member" });
}

describe("emails to survey respondents who asked to hear back", () => {
  let unsubscribeLink = "";

  it("each person who left contact details gets one email when an action answering a finding moves; who left none gets nothing", async () => {
    const collection = await openTestCollection(world.a.org.id);
    await db().workspaceRound.create({ data: { workspaceId: world.a.workspace.id, roundId: collection.roundId } });
    for (const [name, email] of [
      ["Ann", "ann@example.test"],
      ["Cy", "cy@example.test"],
    ] as const) {
      const sent = await answerByForm(new Visitor(running.baseUrl), collection.openCode, { O_DIGNITY: "better" }, { total: 25, contact: { name, email, phone: "" } });
      expect(sent.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);
    }
    const bo = await answerByForm(new Visitor(running.baseUrl), collection.openCode, { O_DIGNITY: "worse" }, { total: 25 });
    expect(bo.headers.get("location")).toBe(`/survey/${collection.openCode}/sent`);
    // A council that is not this plan's: its own respondent must not hear about this plan.
    const other = await openTestCollection(world.b.org.id);
    await answerByForm(new Visitor(running.baseUrl), other.openCode, { O_DIGNITY: "better" }, { total: 25, contact: { name: "Dee", email: "dee@example.test", phone: "" } });

    await running.collab.withDocument(
      world.a.workspace.id,
      (doc) => {
        createAction(doc, { id: UNLINKED, title: "Tidy the office", createdBy: "Member" });
        createAction(doc, { id: ANSWERED, title: "Respite booked in one call", createdBy: "Member", findingIds: ["O_DIGNITY~all"] });
      },
      { source: "server", actorId: world.member.id, actorName: "Member" },
    );
    await waitFor(async () => (await db().action.count({ where: { workspaceId: world.a.workspace.id, id: { in: [ANSWERED, UNLINKED] } } })) === 2, "both actions are projected", 30_000);
    // An action answering no finding moves first: it concerns nobody who answered the survey.
    await moveStatus(UNLINKED, "in-progress");
    await moveStatus(ANSWERED, "in-progress");
    await waitFor(() => mailTo("ann@example.test").length >= 1 && mailTo("cy@example.test").length >= 1, "Ann's and Cy's emails arrive", 30_000);

    expect(mailTo("ann@example.test")).toHaveLength(1);
    expect(mailTo("cy@example.test")).toHaveLength(1);
    expect(mailbox.inbox.filter((m) => !m.to.includes("ann@example.test") && !m.to.includes("cy@example.test"))).toEqual([]);
    expect(mailbox.inbox.every((m) => m.to.length === 1)).toBe(true);

    const mail = mailTo("ann@example.test")[0]!.body.replace(/\r?\n[ \t]+/g, " "); // unfold long headers
    expect(mail).toContain("Hello Ann,");
    expect(mail).toContain("Respite booked in one call");
    expect(mail).toContain("is now: In progress");
    expect(mail).not.toContain("Tidy the office");
    expect(mail).toContain("you answered the survey this plan is built on and asked to hear back");
    expect(mail).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]+>/m);
    expect(mail).not.toContain("Member"); // the staff member who changed it is not named
    expect(mail).not.toContain(world.member.email);
    unsubscribeLink = /(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]+)\s/.exec(mail)![1]!;
  });

  it("the unsubscribe link works without signing in, deletes the contact details, and afterwards nothing more is sent", async () => {
    const stranger = new Visitor(running.baseUrl);
    const path = new URL(unsubscribeLink).pathname;
    const ask = await stranger.get(path);
    expect(ask.status).toBe(200);
    expect(pageText(await ask.text())).toContain("Stop emails about");
    expect(await db().hearBackContact.count({ where: { email: "ann@example.test" } })).toBe(1); // opening the link only asks
    const done = await stranger.post(path, {});
    expect(done.status).toBe(302);
    const landed = await stranger.get(done.headers.get("location")!);
    expect(landed.status).toBe(200);
    expect(pageText(await landed.text())).toContain("You will not get any more emails");
    expect(await db().hearBackContact.count({ where: { email: "ann@example.test" } })).toBe(0);
    expect(await db().hearBackContact.count({ where: { email: "cy@example.test" } })).toBe(1);

    await moveStatus(ANSWERED, "complete");
    // Barrier: Cy's second email (sent by the same change) arrives first; only then is Ann's silence meaningful.
    await waitFor(() => mailTo("cy@example.test").length === 2, "Cy's second email arrives", 30_000);
    expect(mailTo("cy@example.test")[1]!.body).toContain("is now: Complete");
    expect(mailTo("ann@example.test")).toHaveLength(1);
    expect(mailbox.inbox.some((m) => m.to.includes("dee@example.test"))).toBe(false);
  });
});
