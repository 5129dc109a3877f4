import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { createUser } from "~/models/user.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
const visitor = () => new Visitor(running.baseUrl);

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
});
afterAll(async () => running.close());

describe("signing up and in", () => {
  it("creates an account, signs in with a database session, and lands on setting up a council", async () => {
    const v = visitor();
    const response = await v.post("/signup", { name: "Priya", email: "Priya@Example.test", password: "kettle orbit meadow lantern" });
    expect(response.status).toBe(302);
    expect(location(response)).toBe("/orgs/new");
    expect(v.sessionCookie).toBeTruthy();
    const user = await db().user.findUniqueOrThrow({ where: { email: "priya@example.test" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect(await (await v.get("/account")).text()).toContain("Signed in on 1 device");
  });

  it("refuses short and very common passwords with a reason", async () => {
    const short = await (await visitor().post("/signup", { name: "A", email: "a@example.test", password: "short" })).text();
    expect(short).toContain("Use at least 10 characters");
    const common = await (await visitor().post("/signup", { name: "A", email: "a@example.test", password: "password123" })).text();
    expect(common).toContain("one of the most common");
    expect(await db().user.count({ where: { email: "a@example.test" } })).toBe(0);
  });

  it("does not reveal whether an email has an account", async () => {
    const wrongPassword = await (await visitor().post("/login", { email: world.member.email, password: "not the password at all" })).text();
    const noSuchEmail = await (await visitor().post("/login", { email: "nobody@example.test", password: "not the password at all" })).text();
    const message = "That email and password do not match an account.";
    expect(wrongPassword).toContain(message);
    expect(noSuchEmail).toContain(message);
  });

  it("limits sign-in attempts per account and says when to try again", async () => {
    const target = world.viewer.email;
    for (let i = 0; i < 5; i++) await visitor().post("/login", { email: target, password: `wrong guess ${i}` });
    const blocked = await visitor().post("/login", { email: target, password: PASSWORD });
    expect(blocked.status).toBe(200);
    expect(await blocked.text()).toMatch(/Too many attempts. Please try again in 1[45] minutes/);
    expect(await db().auditEvent.count({ where: { action: "sign-in-failed", actorLabel: target } })).toBe(5);
  });

  it("never redirects to another site after sign-in", async () => {
    const response = await visitor().post("/login", { email: world.member.email, password: PASSWORD, redirectTo: "//evil.example/steal" });
    expect(response.status).toBe(302);
    expect(location(response)).toBe("/");
  });

  it("lists sessions and signs out the other devices", async () => {
    const laptop = await visitor().signIn(world.facilitator.email, PASSWORD);
    const phone = await visitor().signIn(world.facilitator.email, PASSWORD);
    expect((await phone.get("/account")).status).toBe(200);
    const response = await laptop.post("/account", { intent: "sign-out-others" });
    expect(await response.text()).toMatch(/Signed out on \d+ other device/);
    expect(location(await phone.get("/account"))).toMatch(/^\/login/);
    expect((await laptop.get("/account")).status).toBe(200);
  });

  it("changes the password only with the current one", async () => {
    const v = await visitor().signIn(world.member.email, PASSWORD);
    const wrong = await v.post("/account", { intent: "change-password", currentPassword: "nope nope nope", newPassword: "granite willow teapot harbour" });
    expect(await wrong.text()).toContain("That is not your current password.");
    const right = await v.post("/account", { intent: "change-password", currentPassword: PASSWORD, newPassword: "granite willow teapot harbour" });
    expect(await right.text()).toContain("Your password has been changed.");
    await visitor().signIn(world.member.email, "granite willow teapot harbour");
    const old = await visitor().post("/login", { email: world.member.email, password: PASSWORD });
    expect(old.status).toBe(200);
  });

  it("rejects a form posted from another site, and changes nothing", async () => {
    const owner = await visitor().signIn(world.owner.email, PASSWORD);
    const before = await db().invite.count();
    const forged = await owner.post(`/orgs/${world.a.org.slug}/members`, { intent: "invite", role: "owner" }, { Origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("not sent from a POET Action Planner page");
    const noOrigin = await owner.post(`/orgs/${world.a.org.slug}/members`, { intent: "invite", role: "owner" }, {});
    expect(noOrigin.status).toBe(403);
    expect(await db().invite.count()).toBe(before);
  });

  it("sends security headers with every page", async () => {
    const response = await visitor().get("/");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    const nonce = /nonce-([^']+)'/.exec(csp)![1];
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  });
});

describe("password reset by a council owner", () => {
  async function issueFor(personId: string) {
    const owner = await visitor().signIn(world.owner.email, PASSWORD);
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: personId } });
    const page = await (await owner.post(`/orgs/${world.a.org.slug}/members`, { intent: "reset-password", membershipId: membership.id })).text();
    return /\/reset\/([A-Za-z0-9_-]+)/.exec(page)![1]!;
  }

  it("issues a single-use link that sets a new password and ends old sessions", async () => {
    const token = await issueFor(world.facilitator.id);
    const facilitator = await visitor().signIn(world.facilitator.email, PASSWORD);
    const used = await visitor().post(`/reset/${token}`, { password: "lighthouse pebble saffron kite" });
    expect(location(used)).toBe("/login?reset=1");
    expect(location(await facilitator.get("/account"))).toMatch(/^\/login/);
    await visitor().signIn(world.facilitator.email, "lighthouse pebble saffron kite");
    const again = await visitor().post(`/reset/${token}`, { password: "another strong passphrase" });
    expect(await again.text()).toContain("already been used or has expired");
  });

  it("refuses an expired reset link and leaves the password alone", async () => {
    const token = await issueFor(world.viewer.id);
    await db().passwordReset.updateMany({ where: { userId: world.viewer.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await (await visitor().get(`/reset/${token}`)).text()).toContain("This reset link does not work");
    const attempt = await visitor().post(`/reset/${token}`, { password: "a brand new passphrase" });
    expect(await attempt.text()).toContain("already been used or has expired");
    expect((await visitor().post("/login", { email: world.viewer.email, password: "a brand new passphrase" })).status).toBe(200);
  });

  it("only an owner can issue one", async () => {
    const colleague = await createUser({ email: "second.facilitator@example.test", name: "Second", password: PASSWORD });
    await db().membership.create({ data: { orgId: world.a.org.id, userId: colleague.id, role: "facilitator" } });
    const facilitator = await visitor().signIn(colleague.email, PASSWORD);
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.member.id } });
    const response = await facilitator.post(`/orgs/${world.a.org.slug}/members`, { intent: "reset-password", membershipId: membership.id });
    expect(response.status).toBe(403);
    expect(await db().passwordReset.count({ where: { userId: world.member.id } })).toBe(0);
  });
});
