// The weekly digest, sent by real server processes to a real SMTP server: exactly once per person per
// week across two instances sharing PostgreSQL and across a restart; nothing to someone who opted out.
// The instances run on an injected clock (REMINDERS_FAKE_NOW) set to the sending moment, so no waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startMailbox, type Mailbox } from "../../support/mailbox";
import { startTestApp } from "../../support/app-server";
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

const postgres = process.env.TEST_DB_PROVIDER === "postgresql";
let mailbox: Mailbox;
let world: World;
const instances: AppProcess[] = [];
// Monday 7 December 2026, 09:00 in England: the default sending moment (Monday from 08:00) has come.
const MONDAY_NINE = "2026-12-07T09:00:00Z";
const mailTo = (email: string) => mailbox.to(email);

async function start(): Promise<AppProcess> {
  const instance = await startAppProcess({
    SMTP_URL: mailbox.url,
    SMTP_FROM: "Westshire plans <plans@westshire.example>",
    PUBLIC_URL: "https://plans.westshire.example",
    REMINDERS_FAKE_NOW: MONDAY_NINE,
    REMINDERS_CHECK_MS: "200",
  });
  instances.push(instance);
  return instance;
}
/** Waits until this instance has finished a digest run for the week (its log says so). */
const ranThisWeek = (instance: AppProcess) => waitFor(() => instance.output.some((l) => l.includes("Weekly reminders for 2026-W50:")), "the instance has run this week's reminders");

beforeAll(async () => {
  mailbox = await startMailbox();
  world = await createWorld();
  // The plan's actions are written through the collaboration layer (as a workshop would), then that app stops.
  const setup = await startTestApp();
  await setup.collab.withDocument(
    world.a.workspace.id,
    (doc) => {
      createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: world.member.name, ownerId: world.member.id, due: "2026-11-30", createdAt: "2026-10-01T10:00:00.000Z" });
      createAction(doc, { id: "buddies", title: "Peer support buddies", owner: world.member.name, ownerId: world.member.id, due: "2026-12-15", createdAt: "2026-12-05T10:00:00.000Z" });
      createAction(doc, { id: "viewer-owns", title: "Easy-read leaflet", owner: world.viewer.name, ownerId: world.viewer.id, due: "2026-11-01", createdAt: "2026-10-01T10:00:00.000Z" });
    },
    { source: "server", actorId: null, actorName: "Set-up" },
  );
  await setup.close();
  await db().user.update({ where: { id: world.viewer.id }, data: { ownerDigest: false } });
  await db().user.update({ where: { id: world.facilitator.id }, data: { facilitatorDigest: true } });
}, 120_000);
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await mailbox.close();
});

describe("the weekly reminder digest", () => {
  it.runIf(postgres)("two instances on PostgreSQL send each person's digest exactly once; the person who opted out gets nothing", async () => {
    const [one, two] = await Promise.all([start(), start()]);
    await waitFor(() => mailTo(world.member.email).length > 0, "the owner's digest arrives");
    await Promise.all([ranThisWeek(one), ranThisWeek(two)]);
    expect(mailTo(world.member.email)).toHaveLength(1);
    expect(mailTo(world.viewer.email)).toHaveLength(0);
    expect(mailTo(world.facilitator.email)).toHaveLength(1);

    const mail = mailTo(world.member.email)[0]!.body;
    expect(mail).toContain("Subject: Your weekly action plan reminders, week of 7 Dec 2026");
    expect(mail).toMatch(/Overdue \(1\)\s+- Plain-English budget letters \(Westshire plan, due 30 Nov 2026\)/);
    expect(mail).toMatch(/Due in the next 14 days \(1\)\s+- Peer support buddies/);
    expect(mail).toMatch(/No progress update for a while \(stale\) \(1\)\s+- Plain-English budget letters/);
    expect(mail).toMatch(/New this week \(1\)\s+- Peer support buddies/);
    expect(mail).toContain(`https://plans.westshire.example/w/${world.a.workspace.id}/actions/letters`);
    expect(mail).toContain("To switch them off or change them: https://plans.westshire.example/account#reminders-heading");
    expect(mailTo(world.facilitator.email)[0]!.body).toMatch(/ALL PLANS IN WESTSHIRE[\s\S]*Easy-read leaflet/);
  });

  it("after a restart the week's digests are not sent again", async () => {
    if (!postgres) {
      const first = await start();
      await waitFor(() => mailTo(world.member.email).length > 0, "the owner's digest arrives");
      await ranThisWeek(first);
    }
    await Promise.all(instances.splice(0).map((i) => i.stop()));
    const restarted = await start();
    await ranThisWeek(restarted);
    expect(restarted.output.join("\n")).toContain("Weekly reminders for 2026-W50: sent 0");
    expect(mailTo(world.member.email)).toHaveLength(1);
    expect(mailTo(world.viewer.email)).toHaveLength(0);
    expect(await db().reminderJob.count({ where: { userId: world.member.id, week: "2026-W50", status: "sent" } })).toBe(1);
  });

  it("people switch the digests on and off on their account page", async () => {
    const instance = instances[0]!;
    const viewer = await new Visitor(instance.baseUrl).signIn(world.viewer.email, PASSWORD);
    const page = await (await viewer.get("/account")).text();
    expect(page).toContain("Weekly reminders by email");
    const saved = await (await viewer.post("/account", { intent: "reminders", ownerDigest: "on", facilitatorDigest: "on" })).text();
    expect(saved).toContain("Each week we will email you the digest of actions you own and the facilitator round-up.");
    expect(await db().user.findUniqueOrThrow({ where: { id: world.viewer.id }, select: { ownerDigest: true, facilitatorDigest: true } })).toEqual({ ownerDigest: true, facilitatorDigest: true });
    const off = await (await viewer.post("/account", { intent: "reminders" })).text();
    expect(off).toContain("We will not email you weekly reminders.");
    expect((await db().user.findUniqueOrThrow({ where: { id: world.viewer.id } })).ownerDigest).toBe(false);
  });
});
