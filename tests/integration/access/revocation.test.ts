// Revocation is immediate: removing a guest or a member, changing a role, signing out, signing out
// elsewhere and changing or resetting a password close the affected live sockets at once, and a session's
// expiry closes its sockets when it comes, with a reason the page shows; a final close is not retried. A removed guest cannot rejoin with the same code.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { issuePasswordReset } from "~/models/passwordReset.server";
import { REVOCATION_REASONS } from "~/services/revocation.server";
import { SESSION_ENDED_REASON } from "../../../server/collab/core/sessionExpiry";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD } from "../../support/world";

let running: RunningApp;
let clients: TestClient[] = [];

beforeAll(async () => {
  running = await startTestApp();
});
afterEach(() => {
  for (const c of clients) c.destroy();
  clients = [];
});
afterAll(async () => running.close());

const visitor = () => new Visitor(running.baseUrl);
const signedIn = (email: string) => visitor().signIn(email, PASSWORD);
function live(v: Visitor, workspaceId: string, as: string): TestClient {
  const headers = { Cookie: `poet_session=${v.sessionCookie ?? ""}`, Origin: running.baseUrl };
  const client = connectClient(running.baseUrl.replace("http", "ws") + "/collab", workspaceId, { as, headers });
  clients.push(client);
  return client;
}
/** Waits for a final close (one the y-websocket client does not retry) and checks it was the only one. */
async function closedFor(client: TestClient, code: number, reason: string) {
  await waitFor(() => client.closes.length > 0 && !client.provider.shouldConnect, `${client.name} closed for good`);
  expect(client.closes).toEqual([{ code, reason }]);
  expect(client.provider.wsconnected).toBe(false);
}
/** The session id inside a browser's signed cookie (base64 JSON, a dot, the signature). */
function sessionIdOf(v: Visitor): string {
  const raw = decodeURIComponent(v.sessionCookie!);
  return JSON.parse(Buffer.from(raw.slice(0, raw.lastIndexOf(".")), "base64").toString("utf8")) as string;
}
async function joinAsGuest(v: Visitor, code: string, displayName: string) {
  return v.post("/join", { code, displayName });
}

describe("removing a guest", () => {
  it("closes their page for good with a plain reason, and the same code no longer lets them back in", async () => {
    const world = await createWorld();
    const guestBrowser = visitor();
    expect((await joinAsGuest(guestBrowser, world.codeA.code, "Robin")).status).toBe(302);
    const guest = live(guestBrowser, world.a.workspace.id, "robin");
    await guest.synced();
    const record = await db().guest.findFirstOrThrow({ where: { workspaceId: world.a.workspace.id, displayName: "Robin" } });

    const facilitator = await signedIn(world.facilitator.email);
    const removal = await (await facilitator.post(`/w/${world.a.workspace.id}/access`, { intent: "remove-guest", guestId: record.id })).text();
    expect(removal).toContain("Robin has been removed and cannot join again from their browser");
    await closedFor(guest, 4410, REVOCATION_REASONS.guestRemoved);

    // Back to the join page with the same code (and after signing out, which clears the session cookie).
    await guestBrowser.post("/logout", {});
    const again = await joinAsGuest(guestBrowser, world.codeA.code, "Robin again");
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("The facilitator removed you from this workshop, so you cannot join it again.");
    expect(await db().guest.count({ where: { workspaceId: world.a.workspace.id, removedAt: null } })).toBe(0);
  });

  it("the facilitator can let a removed guest back in, or replace the code so it no longer works for anyone", async () => {
    const world = await createWorld();
    const guestBrowser = visitor();
    await joinAsGuest(guestBrowser, world.codeA.code, "Sam");
    const record = await db().guest.findFirstOrThrow({ where: { workspaceId: world.a.workspace.id, displayName: "Sam" } });
    const facilitator = await signedIn(world.facilitator.email);
    const access = `/w/${world.a.workspace.id}/access`;
    await facilitator.post(access, { intent: "remove-guest", guestId: record.id });
    expect(await (await facilitator.get(access)).text()).toContain("Removed guests");
    expect((await joinAsGuest(guestBrowser, world.codeA.code, "Sam")).status).toBe(200);

    expect(await (await facilitator.post(access, { intent: "readmit-guest", guestId: record.id })).text()).toContain("Sam can join again with a working code.");
    const back = await joinAsGuest(guestBrowser, world.codeA.code, "Sam");
    expect(location(back)).toBe(`/w/${world.a.workspace.id}`);
    const samAgain = live(guestBrowser, world.a.workspace.id, "sam");
    await samAgain.synced();

    const replaced = await (await facilitator.post(access, { intent: "replace-code", codeId: world.codeA.id })).text();
    const fresh = new RegExp(`Code ${world.codeA.code} no longer works. Give people the new code ([A-Z0-9-]+)`).exec(replaced);
    expect(fresh).not.toBeNull();
    const stranger = visitor();
    expect(await (await joinAsGuest(stranger, world.codeA.code, "Stranger")).text()).toContain("That code does not work");
    expect(location(await joinAsGuest(stranger, fresh![1]!, "Stranger"))).toBe(`/w/${world.a.workspace.id}`);
    const newCode = await db().joinCode.findUniqueOrThrow({ where: { code: fresh![1]! } });
    expect(newCode.expiresAt.getTime()).toBe(world.codeA.expiresAt.getTime());
  });
});

describe("council members", () => {
  it("a removed member's pages close for good, in that council's plans only", async () => {
    const world = await createWorld();
    // The member also belongs to a second council, whose plan they have open too.
    await db().membership.create({ data: { orgId: world.b.org.id, userId: world.member.id, role: "member" } });
    const memberBrowser = await signedIn(world.member.email);
    const inA = live(memberBrowser, world.a.workspace.id, "member-a");
    const inB = live(memberBrowser, world.b.workspace.id, "member-b");
    await Promise.all([inA.synced(), inB.synced()]);
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.member.id } });
    await (await signedIn(world.owner.email)).post(`/orgs/${world.a.org.slug}/members`, { intent: "remove", membershipId: membership.id });
    await closedFor(inA, 4410, REVOCATION_REASONS.memberRemoved);
    // Both sockets were looked at in the same pass that closed inA.
    expect(inB.closes).toEqual([]);
    expect(inB.provider.wsconnected).toBe(true);
  });

  it("a member made viewer is reconnected with the new role: their later edits reach nobody; other councils stay open", async () => {
    const world = await createWorld();
    await db().membership.create({ data: { orgId: world.b.org.id, userId: world.member.id, role: "member" } });
    const memberBrowser = await signedIn(world.member.email);
    const member = live(memberBrowser, world.a.workspace.id, "member");
    const elsewhere = live(memberBrowser, world.b.workspace.id, "member-elsewhere");
    const owner = live(await signedIn(world.owner.email), world.a.workspace.id, "owner");
    await Promise.all([member.synced(), owner.synced(), elsewhere.synced()]);
    member.type("before. ");
    await waitFor(() => owner.text() === "before. ", "the member's edit reaches the owner while they may edit");

    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.member.id } });
    await (await signedIn(world.owner.email)).post(`/orgs/${world.a.org.slug}/members`, { intent: "change-role", membershipId: membership.id, role: "viewer" });
    await waitFor(() => member.closes.length > 0, "the member's socket was closed on the role change");
    expect(member.closes[0]).toEqual({ code: 4000, reason: REVOCATION_REASONS.roleChanged });
    expect(elsewhere.closes).toEqual([]);
    await waitFor(() => member.provider.wsconnected && member.provider.synced, "the member reconnected");

    member.type("after demotion. ");
    await member.roundTrip(); // the server has handled the demoted member's edit before the owner's is sent
    owner.type("owner edit.");
    await waitFor(() => member.text().includes("owner edit."), "the demoted member still receives edits");
    expect(owner.text()).toBe("before. owner edit.");
  });
});

describe("ending sessions", () => {
  it("signing out closes every page of that browser for good; the same person's other device stays live", async () => {
    const world = await createWorld();
    const laptop = await signedIn(world.member.email);
    const phone = await signedIn(world.member.email);
    const tabOne = live(laptop, world.a.workspace.id, "tab-one");
    const tabTwo = live(laptop, world.a.workspace.id, "tab-two");
    const onPhone = live(phone, world.a.workspace.id, "phone");
    await Promise.all([tabOne.synced(), tabTwo.synced(), onPhone.synced()]);
    await laptop.post("/logout", {});
    await closedFor(tabOne, 4401, REVOCATION_REASONS.signedOut);
    await closedFor(tabTwo, 4401, REVOCATION_REASONS.signedOut);
    expect(onPhone.closes).toEqual([]);
    expect(onPhone.provider.wsconnected).toBe(true);
  });

  it("a guest who signs out is disconnected too", async () => {
    const world = await createWorld();
    const guestBrowser = visitor();
    await joinAsGuest(guestBrowser, world.codeA.code, "Ali");
    const guest = live(guestBrowser, world.a.workspace.id, "ali");
    await guest.synced();
    await guestBrowser.post("/logout", {});
    await closedFor(guest, 4401, REVOCATION_REASONS.signedOut);
  });

  it("signing out the other devices, or one of them, closes their pages and keeps this one", async () => {
    const world = await createWorld();
    const here = await signedIn(world.member.email);
    const phone = await signedIn(world.member.email);
    const tablet = await signedIn(world.member.email);
    const mine = live(here, world.a.workspace.id, "here");
    const onPhone = live(phone, world.a.workspace.id, "phone");
    const onTablet = live(tablet, world.a.workspace.id, "tablet");
    await Promise.all([mine.synced(), onPhone.synced(), onTablet.synced()]);

    expect(await (await here.post("/account", { intent: "sign-out-session", sessionId: sessionIdOf(phone) })).text()).toContain("Signed out on that device.");
    await closedFor(onPhone, 4401, REVOCATION_REASONS.signedOutElsewhere);
    expect(onTablet.closes).toEqual([]);

    expect(await (await here.post("/account", { intent: "sign-out-others" })).text()).toContain("Signed out on 1 other device.");
    await closedFor(onTablet, 4401, REVOCATION_REASONS.signedOutElsewhere);
    expect(mine.closes).toEqual([]);
    expect(mine.provider.wsconnected).toBe(true);
  });

  it("changing your password closes your pages on other devices", async () => {
    const world = await createWorld();
    const here = await signedIn(world.member.email);
    const phone = await signedIn(world.member.email);
    const mine = live(here, world.a.workspace.id, "here");
    const onPhone = live(phone, world.a.workspace.id, "phone");
    await Promise.all([mine.synced(), onPhone.synced()]);
    const changed = await here.post("/account", { intent: "change-password", currentPassword: PASSWORD, newPassword: "quartz meadow lantern ferry" });
    expect(await changed.text()).toContain("Your password has been changed.");
    await closedFor(onPhone, 4401, REVOCATION_REASONS.passwordChanged);
    expect(mine.closes).toEqual([]);
  });

  it("when a session expires, its open pages close for good with a plain reason; the person's other session stays live", async () => {
    const world = await createWorld();
    const laptop = await signedIn(world.member.email);
    const phone = await signedIn(world.member.email);
    // The laptop's session ends five seconds from now: long enough for its page to open before then.
    await db().session.update({ where: { id: sessionIdOf(laptop) }, data: { expiresAt: new Date(Date.now() + 5_000) } });
    const tab = live(laptop, world.a.workspace.id, "tab");
    const onPhone = live(phone, world.a.workspace.id, "phone");
    await Promise.all([tab.synced(), onPhone.synced()]);
    await closedFor(tab, 4401, SESSION_ENDED_REASON);
    expect(onPhone.closes).toEqual([]);
    expect(onPhone.provider.wsconnected).toBe(true);
  });

  it("a password reset by link closes every page of that person", async () => {
    const world = await createWorld();
    const laptop = await signedIn(world.member.email);
    const page = live(laptop, world.a.workspace.id, "laptop");
    await page.synced();
    const token = await issuePasswordReset(world.member.id, world.owner.id);
    expect(location(await visitor().post(`/reset/${token}`, { password: "harbour violet cinnamon tide" }))).toBe("/login?reset=1");
    await closedFor(page, 4401, REVOCATION_REASONS.passwordChanged);
  });
});
