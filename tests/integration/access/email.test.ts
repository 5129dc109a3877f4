// With SMTP settings, reset and invitation links are emailed (to a real SMTP server in the test);
// without them, or when sending fails, the owner is shown the link to hand over.
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { db } from "~/models/db.server";

type Received = { to: string[]; body: string };
let smtp: SMTPServer;
let smtpPort: number;
const inbox: Received[] = [];
let running: RunningApp;
let world: World;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body: body.replace(/=\r?\n/g, "") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
  running = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: "Westshire plans <plans@westshire.example>" });
  world = await createWorld();
});
afterAll(async () => {
  await running.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("email, when SMTP is set up", () => {
  it("a password reset link is emailed to the member, and the link in the email works once", async () => {
    const owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.viewer.id } });
    const page = await (await owner.post(`/orgs/${world.a.org.slug}/members`, { intent: "reset-password", membershipId: membership.id })).text();
    expect(page).toContain(`We emailed it to ${world.viewer.email}`);
    await waitFor(() => inbox.some((m) => m.to.includes(world.viewer.email)), "the reset email arrives");
    const mail = inbox.find((m) => m.to.includes(world.viewer.email))!;
    expect(mail.body).toContain("Subject: Reset your POET Action Planner password");
    const token = /\/reset\/([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    expect((await new Visitor(running.baseUrl).post(`/reset/${token}`, { password: "quartz meadow lantern ferry" })).status).toBe(302);
    await new Visitor(running.baseUrl).signIn(world.viewer.email, "quartz meadow lantern ferry");
  });

  it("an invitation that names an email is sent to it", async () => {
    const owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    const page = await (await owner.post(`/orgs/${world.a.org.slug}/members`, { intent: "invite", role: "member", email: "new.colleague@example.test" })).text();
    expect(page).toContain("We emailed it to new.colleague@example.test");
    await waitFor(() => inbox.some((m) => m.to.includes("new.colleague@example.test")), "the invitation arrives");
    expect(inbox.find((m) => m.to.includes("new.colleague@example.test"))!.body).toMatch(/\/invite\/[A-Za-z0-9_-]+/);
  });

  it("when the mail server is down, the owner is told and shown the link instead", async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    const owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.member.id } });
    const page = await (await owner.post(`/orgs/${world.a.org.slug}/members`, { intent: "reset-password", membershipId: membership.id })).text();
    expect(page).toContain("The email could not be sent.");
    expect(page).toMatch(/\/reset\/[A-Za-z0-9_-]+/);
  });
});
