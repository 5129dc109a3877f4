// Live sockets go through the same access rules as pages: the session cookie, the workspace's council
// or the guest's code, and the role's edit right. Access changes close sockets at once: revocation.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let wsUrl: string;
const clients: TestClient[] = [];

const headersFor = (v: Visitor, origin = running.baseUrl) => ({ Cookie: `poet_session=${v.sessionCookie ?? ""}`, Origin: origin });
function connect(v: Visitor, as: string, workspaceId = world.a.workspace.id, origin?: string) {
  const client = connectClient(wsUrl, workspaceId, { as, headers: headersFor(v, origin) });
  clients.push(client);
  return client;
}
const signedIn = (email: string) => new Visitor(running.baseUrl).signIn(email, PASSWORD);

beforeAll(async () => {
  running = await startTestApp();
  wsUrl = running.baseUrl.replace("http", "ws") + "/collab";
  world = await createWorld();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await running.close();
});

describe("collaboration sockets behind accounts", () => {
  it("members of the council edit together; a viewer reads but their edits reach nobody", async () => {
    const member = connect(await signedIn(world.member.email), "member");
    const facilitator = connect(await signedIn(world.facilitator.email), "facilitator");
    const viewer = connect(await signedIn(world.viewer.email), "viewer");
    await Promise.all([member.synced(), facilitator.synced(), viewer.synced()]);
    member.type("Budget letters in plain English");
    await waitFor(() => facilitator.text() === "Budget letters in plain English" && viewer.text() === member.text(), "edit reaches the others");
    viewer.type(" — viewer scribble");
    // Barrier: once the server has answered the viewer, its scribble has been handled; a later allowed edit
    // then reaches the facilitator after anything the scribble could have caused.
    await viewer.roundTrip();
    member.doc.getText("body").insert(0, "Agreed: ");
    await waitFor(() => facilitator.text().startsWith("Agreed: "), "the member's later edit arrives");
    expect(facilitator.text()).toBe("Agreed: Budget letters in plain English");
    const stored = await db().docUpdate.findMany({ where: { workspaceId: world.a.workspace.id } });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((row) => row.authorName !== "Viewer")).toBe(true);
  });

  it("refuses people without a session, people from another council, and other sites' pages", async () => {
    const anonymous = connect(new Visitor(running.baseUrl), "anonymous");
    const outsider = connect(await signedIn(world.outsider.email), "outsider");
    const foreign = connect(await signedIn(world.member.email), "foreign", world.a.workspace.id, "https://evil.example");
    await waitFor(() => anonymous.closes.length > 0 && outsider.closes.length > 0 && foreign.closes.length > 0, "refusals");
    expect(anonymous.closes[0]).toMatchObject({ code: 4401, reason: expect.stringMatching(/session has ended/) });
    expect(outsider.closes[0]).toMatchObject({ code: 4404, reason: expect.stringMatching(/does not exist, or you do not have access/) });
    expect(foreign.closes[0]!.code).toBeGreaterThanOrEqual(4000);
    for (const c of [anonymous, outsider, foreign]) expect(c.provider.synced).toBe(false);
  });
});
