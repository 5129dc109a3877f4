// Guests who gave an email and consented hear, by email (a real SMTP server here), when an action they
// shaped moves; a guest who did not consent gets nothing; every email's unsubscribe link works without
// signing in, and after it nothing more is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, readActions, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startMailbox, type Mailbox } from "../../support/mailbox";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "../evidence/pageText";

let mailbox: Mailbox;
let running: RunningApp;
let world: World;
const clients: TestClient[] = [];
const ACTION = "easy-forms";
const mailTo = (address: string) => mailbox.to(address);

beforeAll(async () => {
  mailbox = await startMailbox();
  running = await startTestApp({ SMTP_URL: mailbox.url, SMTP_FROM: "Westshire plans <plans@westshire.example>" });
  world = await createWorld();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running.close();
  await mailbox.close();
});

async function joinAs(name: string, form: Record<string, string> = {}) {
  const guest = new Visitor(running.baseUrl);
  const response = await guest.post("/join", { code: world.codeA.code, displayName: name, ...form });
  return { guest, response };
}

async function liveAs(visitor: Visitor, name: string) {
  const client = connectClient(running.baseUrl.replace("http", "ws") + "/collab", world.a.workspace.id, {
    as: name,
    headers: { Cookie: `poet_session=${visitor.sessionCookie ?? ""}`, Origin: running.baseUrl },
  });
  clients.push(client);
  await client.synced();
  return client;
}

const eventsBy = (field: string) => db().actionEvent.count({ where: { workspaceId: world.a.workspace.id, actionId: ACTION, field, actorId: { startsWith: "guest:" } } });

describe("emails to guests when an action they shaped moves", () => {
  let unsubscribeLink = "";

  it("the join form refuses an email without consent, and says how to fix it", async () => {
    const { response } = await joinAs("Bo", { email: "bo@example.test" });
    expect(response.status).toBe(200);
    expect(pageText(await response.text())).toContain("Tick this box if you want us to email you, or clear the email address");
    expect(await db().guest.count({ where: { email: "bo@example.test" } })).toBe(0);
  });

  it("the guests who consented get an email; the one who did not gets nothing", async () => {
    const ava = await joinAs("Ava", { email: "ava@example.test", consent: "on" });
    const cal = await joinAs("Cal", { email: "cal@example.test", consent: "on" });
    const bo = await joinAs("Bo");
    for (const j of [ava, cal, bo]) expect(j.response.status).toBe(302);
    const [avaLive, calLive, boLive] = [await liveAs(ava.guest, "Ava"), await liveAs(cal.guest, "Cal"), await liveAs(bo.guest, "Bo")];
    createAction(avaLive.doc, { id: ACTION, title: "Easier forms for carers", createdBy: "Ava" });
    await waitFor(async () => (await eventsBy("created")) === 1, "Ava's action is projected with her as its author");
    await waitFor(() => readActions(calLive.doc).some((a) => a.id === ACTION) && readActions(boLive.doc).some((a) => a.id === ACTION), "everyone sees the action");
    updateAction(calLive.doc, ACTION, { due: "2027-06-30" });
    await waitFor(async () => (await eventsBy("due")) === 1, "Cal's date is recorded");
    updateAction(boLive.doc, ACTION, { rag: "amber" });
    await waitFor(async () => (await eventsBy("rag")) === 1, "Bo's RAG is recorded");

    const member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
    expect((await member.post(`/w/${world.a.workspace.id}?index`, { intent: "status", actionId: ACTION, status: "in-progress" })).status).toBe(303);
    await waitFor(() => mailTo("ava@example.test").length === 1 && mailTo("cal@example.test").length === 1, "Ava's and Cal's emails arrive");
    expect(mailbox.inbox.filter((m) => m.to.includes("bo@example.test"))).toEqual([]);
    expect(mailbox.inbox.every((m) => m.to.length === 1)).toBe(true);

    const mail = mailTo("ava@example.test")[0]!.body.replace(/\r?\n[ \t]+/g, " "); // unfold long headers
    expect(mail).toContain("Easier forms for carers");
    expect(mail).toContain("is now: In progress");
    expect(mail).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]+>/m);
    expect(mail).not.toContain("Member"); // the staff member who changed it is not named
    unsubscribeLink = /(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[A-Za-z0-9_-]+)\s/.exec(mail)![1]!;
  });

  it("the unsubscribe link works without signing in, and afterwards nothing more is sent", async () => {
    const stranger = new Visitor(running.baseUrl);
    const path = new URL(unsubscribeLink).pathname;
    const ask = await stranger.get(path);
    expect(ask.status).toBe(200);
    expect(pageText(await ask.text())).toContain("Stop emails about");
    const done = await stranger.post(path, {});
    expect(done.status).toBe(200);
    expect(pageText(await done.text())).toContain("You will not get any more emails");
    expect(await db().guest.count({ where: { email: "ava@example.test" } })).toBe(0);

    await running.collab.withDocument(world.a.workspace.id, (doc) => updateAction(doc, ACTION, { status: "complete" }), { source: "server", actorId: world.member.id, actorName: "Member" });
    // Barrier: Cal's second email (sent by the same change) arrives first; only then is Ava's silence meaningful.
    await waitFor(() => mailTo("cal@example.test").length === 2, "Cal's second email arrives");
    expect(mailTo("cal@example.test")[1]!.body).toContain("is now: Complete");
    expect(mailTo("ava@example.test")).toHaveLength(1);
    // Bo, who shaped the action but never consented, still has nothing, now that two whole moves have been sent.
    expect(mailbox.inbox.filter((m) => m.to.includes("bo@example.test"))).toEqual([]);
  });
});
