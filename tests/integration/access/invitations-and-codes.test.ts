import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let owner: Visitor;
let facilitator: Visitor;
const visitor = () => new Visitor(running.baseUrl);
const inviteLink = (html: string) => /\/invite\/([A-Za-z0-9_-]+)/.exec(html)![1]!;

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  owner = await visitor().signIn(world.owner.email, PASSWORD);
  facilitator = await visitor().signIn(world.facilitator.email, PASSWORD);
});
afterAll(async () => running.close());

describe("invitations", () => {
  const members = () => `/orgs/${world.a.org.slug}/members`;

  it("an invited person signs up from the link, joins with the invited role, and the link then stops working", async () => {
    const token = inviteLink(await (await owner.post(members(), { intent: "invite", role: "viewer", email: "newcomer@example.test" })).text());
    expect(await (await owner.get(members())).text()).toContain("for newcomer@example.test");

    const newcomer = visitor();
    expect(await (await newcomer.get(`/invite/${token}`)).text()).toContain("Create an account to join");
    const signedUp = await newcomer.post("/signup", { name: "Newcomer", email: "newcomer@example.test", password: "tulip quarry velvet anchor", redirectTo: `/invite/${token}` });
    expect(location(signedUp)).toBe(`/invite/${token}`);
    const accepted = await newcomer.post(`/invite/${token}`, {});
    expect(location(accepted)).toBe(`/orgs/${world.a.org.slug}`);
    expect((await newcomer.get(`/orgs/${world.a.org.slug}`)).status).toBe(200);
    const user = await db().user.findUniqueOrThrow({ where: { email: "newcomer@example.test" } });
    expect((await db().membership.findFirstOrThrow({ where: { userId: user.id, orgId: world.a.org.id } })).role).toBe("viewer");

    const reuse = await visitor().signIn(world.outsider.email, PASSWORD);
    expect(await (await reuse.get(`/invite/${token}`)).text()).toContain("This invitation has already been used.");
    await reuse.post(`/invite/${token}`, {});
    expect((await reuse.get(`/orgs/${world.a.org.slug}`)).status).toBe(404);
  });

  it("a withdrawn or expired invitation cannot be used", async () => {
    const revokedToken = inviteLink(await (await owner.post(members(), { intent: "invite", role: "owner" })).text());
    const invite = await db().invite.findFirstOrThrow({ where: { orgId: world.a.org.id, usedAt: null, revokedAt: null }, orderBy: { createdAt: "desc" } });
    expect(await (await owner.post(members(), { intent: "revoke-invite", inviteId: invite.id })).text()).toContain("Invitation withdrawn");
    const outsider = await visitor().signIn(world.outsider.email, PASSWORD);
    expect(await (await outsider.get(`/invite/${revokedToken}`)).text()).toContain("withdrawn");
    await outsider.post(`/invite/${revokedToken}`, {});
    expect((await outsider.get(`/orgs/${world.a.org.slug}`)).status).toBe(404);

    const expiredToken = inviteLink(await (await owner.post(members(), { intent: "invite", role: "member" })).text());
    await db().invite.updateMany({ where: { orgId: world.a.org.id, usedAt: null, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await (await outsider.get(`/invite/${expiredToken}`)).text()).toContain("expired");
    await outsider.post(`/invite/${expiredToken}`, {});
    expect((await outsider.get(`/orgs/${world.a.org.slug}`)).status).toBe(404);
  });

  it("the last owner can be neither demoted nor removed, and a role change is audit-logged", async () => {
    const own = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.owner.id } });
    expect(await (await owner.post(members(), { intent: "change-role", membershipId: own.id, role: "viewer" })).text()).toContain("needs at least one owner");
    expect(await (await owner.post(members(), { intent: "leave", membershipId: own.id })).text()).toContain("needs at least one owner");
    expect((await db().membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("owner");

    const fac = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.facilitator.id } });
    expect(await (await owner.post(members(), { intent: "change-role", membershipId: fac.id, role: "member" })).text()).toContain("is now co-producer");
    expect((await facilitator.get(`/w/${world.a.workspace.id}/access`)).status).toBe(403);
    const audit = await (await owner.get(`/orgs/${world.a.org.slug}/audit`)).text();
    expect(audit).toContain(`${world.facilitator.email}: facilitator → member`);
    await owner.post(members(), { intent: "change-role", membershipId: fac.id, role: "facilitator" });
  });

  it("an owner cannot change a membership of another council by id", async () => {
    const otherOwner = await db().membership.findFirstOrThrow({ where: { orgId: world.b.org.id } });
    const response = await owner.post(members(), { intent: "change-role", membershipId: otherOwner.id, role: "viewer" });
    expect(response.status).toBe(404);
    expect((await db().membership.findUniqueOrThrow({ where: { id: otherOwner.id } })).role).toBe("owner");
  });
});

describe("workshop join codes", () => {
  const access = () => `/w/${world.a.workspace.id}/access`;

  it("creates readable codes, lets a guest join one workspace by name, and shows them to the facilitator", async () => {
    const page = await (await facilitator.post(access(), { intent: "create-code", hours: "2" })).text();
    const code = /New code ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(page)![1]!;
    expect(code).toMatch(/^[ACDEFHJKMNPQRTUVWXY3479]{3}-[ACDEFHJKMNPQRTUVWXY3479]{3}$/);

    const guest = visitor();
    const joined = await guest.post("/join", { code: code.toLowerCase().replace("-", " "), displayName: "Jo" });
    expect(location(joined)).toBe(`/w/${world.a.workspace.id}`);
    expect((await guest.get(`/w/${world.a.workspace.id}`)).status).toBe(200);
    expect((await guest.get(`/w/${world.b.workspace.id}`)).status).toBe(404);
    expect((await guest.get(`/orgs/${world.a.org.slug}`)).status).toBe(302);
    expect(await (await facilitator.get(access())).text()).toContain("Jo · joined with");
  });

  it("removing a guest ends their session at once", async () => {
    const guest = visitor();
    await guest.post("/join", { code: world.codeA.code, displayName: "Alex" });
    const record = await db().guest.findFirstOrThrow({ where: { displayName: "Alex" } });
    const removed = await facilitator.post(access(), { intent: "remove-guest", guestId: record.id });
    expect(await removed.text()).toContain("Alex has been removed and cannot join again from their browser.");
    expect(location(await guest.get(`/w/${world.a.workspace.id}`))).toMatch(/^\/login/);
  });

  it("an ended or expired code lets nobody new in", async () => {
    const ended = await db().joinCode.create({ data: { workspaceId: world.a.workspace.id, code: "KKK-KKK", expiresAt: new Date(Date.now() + 3_600_000) } });
    await facilitator.post(access(), { intent: "end-code", codeId: ended.id });
    const refused = await visitor().post("/join", { code: "KKK-KKK", displayName: "Late" });
    expect(await refused.text()).toContain("That code does not work.");
    await db().joinCode.create({ data: { workspaceId: world.a.workspace.id, code: "MMM-MMM", expiresAt: new Date(Date.now() - 1000) } });
    expect(await (await visitor().post("/join", { code: "MMM-MMM", displayName: "Late" })).text()).toContain("That code does not work.");
    expect(await db().guest.count({ where: { displayName: "Late" } })).toBe(0);
  });

  it("guessing codes is rate-limited per address", async () => {
    for (let i = 0; i < 10; i++) await visitor().post("/join", { code: `QQQ-QQ${i % 2 ? "3" : "4"}`, displayName: "Guesser" });
    const blocked = await visitor().post("/join", { code: world.codeA.code, displayName: "Guesser" });
    expect(await blocked.text()).toMatch(/Too many attempts. Please try again in \d+ minutes?/);
    expect(await db().guest.count({ where: { displayName: "Guesser" } })).toBe(0);
  });
});
