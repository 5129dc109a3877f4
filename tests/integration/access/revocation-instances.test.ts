// Two real server instances sharing PostgreSQL and Redis: an access change made through one closes the
// affected sockets held by the other (Redis control channel), and a removed guest stays out on both.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { noteFor, notesOf, readNote } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { REVOCATION_REASONS } from "~/services/revocation.server";
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD } from "../../support/world";

const postgres = process.env.TEST_DB_PROVIDER === "postgresql";
let one: AppProcess;
let two: AppProcess;
let clients: TestClient[] = [];

function live(instance: AppProcess, v: Visitor, workspaceId: string, as: string): TestClient {
  const headers = { Cookie: `poet_session=${v.sessionCookie ?? ""}`, Origin: instance.baseUrl };
  const client = connectClient(instance.wsUrl, workspaceId, { as, headers });
  clients.push(client);
  return client;
}
/** Waits for the close event, then checks it was final (not retried) and the only one. */
async function closedFor(client: TestClient, code: number, reason: string) {
  await waitFor(() => client.closes.length > 0 && !client.provider.shouldConnect, `${client.name} closed for good`);
  expect(client.closes).toEqual([{ code, reason }]);
}

describe.runIf(postgres)("revocation across two instances (PostgreSQL + Redis)", () => {
  beforeAll(async () => {
    const env = { REDIS_URL: "redis://127.0.0.1:6379", COLLAB_REDIS_CHANNEL_PREFIX: `test:${randomBytes(4).toString("hex")}:` };
    // One after the other: the first applies any pending migration alone.
    one = await startAppProcess(env);
    two = await startAppProcess(env);
  });
  afterEach(() => {
    for (const c of clients) c.destroy();
    clients = [];
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
  });

  it("a guest on instance two, removed through instance one, is disconnected and cannot rejoin with the same code on either", async () => {
    const world = await createWorld();
    const guestBrowser = new Visitor(two.baseUrl);
    expect((await guestBrowser.post("/join", { code: world.codeA.code, displayName: "Robin" })).status).toBe(302);
    const guest = live(two, guestBrowser, world.a.workspace.id, "robin");
    await guest.synced();
    const record = await db().guest.findFirstOrThrow({ where: { workspaceId: world.a.workspace.id, displayName: "Robin" } });

    const facilitator = await new Visitor(one.baseUrl).signIn(world.facilitator.email, PASSWORD);
    await facilitator.post(`/w/${world.a.workspace.id}/access`, { intent: "remove-guest", guestId: record.id });
    await closedFor(guest, 4410, REVOCATION_REASONS.guestRemoved);

    for (const instance of [two, one]) {
      const again = await guestBrowser.at(instance.baseUrl).post("/join", { code: world.codeA.code, displayName: "Robin" });
      expect(again.status).toBe(200);
      expect(await again.text()).toContain("The facilitator removed you from this workshop");
    }
  });

  it("a role change made on instance one reconnects the member on instance two with the new role", async () => {
    const world = await createWorld();
    const member = live(two, await new Visitor(two.baseUrl).signIn(world.member.email, PASSWORD), world.a.workspace.id, "member");
    const owner = live(two, await new Visitor(two.baseUrl).signIn(world.owner.email, PASSWORD), world.a.workspace.id, "owner");
    await Promise.all([member.synced(), owner.synced()]);
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.member.id } });
    await (await new Visitor(one.baseUrl).signIn(world.owner.email, PASSWORD)).post(`/orgs/${world.a.org.slug}/members`, {
      intent: "change-role",
      membershipId: membership.id,
      role: "viewer",
    });
    await waitFor(() => member.closes.length > 0, "the member's socket on instance two was closed");
    expect(member.closes[0]).toEqual({ code: 4000, reason: REVOCATION_REASONS.roleChanged });
    await waitFor(() => member.provider.wsconnected && member.provider.synced, "the member reconnected");
    // The real server's allow-list (ADR 009) has no scratch text: write notes, which members and owners may.
    noteFor(member.doc, "f-member").insert(0, "after demotion. ");
    noteFor(owner.doc, "f-owner").insert(0, "owner edit.");
    await waitFor(() => readNote(member.doc, "f-owner") === "owner edit.", "the demoted member still receives edits");
    expect(notesOf(owner.doc).has("f-member")).toBe(false);
  });

  it("removing a member, and signing out a device, through instance one close their sockets on instance two", async () => {
    const world = await createWorld();
    const phone = await new Visitor(two.baseUrl).signIn(world.viewer.email, PASSWORD);
    const here = await new Visitor(one.baseUrl).signIn(world.viewer.email, PASSWORD);
    const onPhone = live(two, phone, world.a.workspace.id, "viewer-phone");
    const removedMember = live(two, await new Visitor(two.baseUrl).signIn(world.member.email, PASSWORD), world.a.workspace.id, "member");
    await Promise.all([onPhone.synced(), removedMember.synced()]);

    await here.post("/account", { intent: "sign-out-others" });
    await closedFor(onPhone, 4401, REVOCATION_REASONS.signedOutElsewhere);

    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world.a.org.id, userId: world.member.id } });
    await (await new Visitor(one.baseUrl).signIn(world.owner.email, PASSWORD)).post(`/orgs/${world.a.org.slug}/members`, { intent: "remove", membershipId: membership.id });
    await closedFor(removedMember, 4410, REVOCATION_REASONS.memberRemoved);
  });
});
