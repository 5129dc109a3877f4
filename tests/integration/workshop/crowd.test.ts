// A room arriving at once shares work (docs/decisions/029 and 031): reads of a council's or plan's data
// joined across concurrent requests, and the no-JavaScript board rendered once per plan version. What each
// person gets must still be theirs: their council's data only, their own rights and name, and a person
// removed from the council is refused from the very next request, whatever else is in flight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, updateAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { saveStatusSettings, statusSettingsFor } from "~/models/tracking.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { waitFor } from "../../support/collab/waitFor";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
const SERVER = { source: "server", actorId: null, actorName: "Test set-up" } as const;
const WEST = "Westshire budget letters in plain English";
const EAST = "Eastvale carers café every month";
const WEST_LABEL = "Underway in Westshire";
const EAST_LABEL = "Moving along in Eastvale";

const signedIn = (email: string) => new Visitor(running.baseUrl).signIn(email, PASSWORD);

async function relabel(orgId: string, label: string) {
  const statuses = await statusSettingsFor(orgId);
  await saveStatusSettings(orgId, statuses.map((s) => (s.status === "in-progress" ? { ...s, label } : s)));
}

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  for (const [workspaceId, title] of [
    [world.a.workspace.id, WEST],
    [world.b.workspace.id, EAST],
  ] as const) {
    await running.collab.withDocument(workspaceId, (doc) => void updateAction(doc, createAction(doc, { title }), { status: "in-progress" }), SERVER);
  }
  await relabel(world.a.org.id, WEST_LABEL);
  await relabel(world.b.org.id, EAST_LABEL);
  // The plan table and the dashboard read the projected actions.
  const owner = await signedIn(world.owner.email);
  await waitFor(async () => (await (await owner.get(`/w/${world.a.workspace.id}/plan`)).text()).includes(WEST), "Westshire's action projected");
  const outsider = await signedIn(world.outsider.email);
  await waitFor(async () => (await (await outsider.get(`/w/${world.b.workspace.id}/plan`)).text()).includes(EAST), "Eastvale's action projected");
});
afterAll(async () => {
  await running.close();
});

/** mayEdit: the workshop's status forms; mayTick: the plan table's tick boxes for a bulk change. */
type Ask = { who: Visitor; name: string; path: string; council: "west" | "east"; mayEdit?: boolean; mayTick?: boolean };

/** Everyone asks at the same moment; every answer is checked against who asked. */
async function arriveTogether(asks: Ask[]) {
  const pages = await Promise.all(asks.map(async (ask) => ({ ask, response: await ask.who.get(ask.path) })));
  for (const { ask, response } of pages) {
    expect(response.status, `${ask.name} on ${ask.path}`).toBe(200);
    const html = await response.text();
    const [own, other] = ask.council === "west" ? [[WEST, WEST_LABEL], [EAST, EAST_LABEL]] : [[EAST, EAST_LABEL], [WEST, WEST_LABEL]];
    for (const text of own!) expect(html, `${ask.name} on ${ask.path} sees their council's ${text}`).toContain(text);
    for (const text of other!) expect(html, `${ask.name} on ${ask.path} never sees the other council's ${text}`).not.toContain(text);
    expect(html, `${ask.name}'s own name in the page's account menu`).toContain(`<a href="/account">${ask.name}</a>`);
    if (ask.mayEdit !== undefined) expect(html.includes('name="intent" value="status"'), `${ask.name} ${ask.mayEdit ? "gets" : "does not get"} the status forms`).toBe(ask.mayEdit);
    if (ask.mayTick !== undefined) expect(html.includes('type="checkbox" name="ids"'), `${ask.name} ${ask.mayTick ? "gets" : "does not get"} the plan table's tick boxes`).toBe(ask.mayTick);
  }
}

describe("a room arriving at once", () => {
  it("each person gets their own council's pages with their own rights and name, however the work is shared", async () => {
    const [member, viewer, facilitator, owner, outsider] = await Promise.all([world.member, world.viewer, world.facilitator, world.owner, world.outsider].map((p) => signedIn(p.email)));
    const a = world.a.workspace.id;
    const b = world.b.workspace.id;
    const round: Ask[] = [
      { who: member!, name: "Member", path: `/w/${a}`, council: "west", mayEdit: true },
      { who: viewer!, name: "Viewer", path: `/w/${a}`, council: "west", mayEdit: false },
      { who: outsider!, name: "Outsider", path: `/w/${b}`, council: "east", mayEdit: true },
      { who: facilitator!, name: "Facilitator", path: `/w/${a}`, council: "west", mayEdit: true },
      { who: viewer!, name: "Viewer", path: `/w/${a}/plan`, council: "west", mayTick: false },
      { who: member!, name: "Member", path: `/w/${a}/plan`, council: "west", mayTick: true },
      { who: outsider!, name: "Outsider", path: `/w/${b}/plan`, council: "east", mayTick: true },
      { who: owner!, name: "Owner", path: `/orgs/${world.a.org.slug}/dashboard`, council: "west" },
      { who: outsider!, name: "Outsider", path: `/orgs/${world.b.org.slug}/dashboard`, council: "east" },
    ];
    // Viewers first and editors first, several times over: whichever asks first, nobody gets another's page.
    await arriveTogether([...round, ...[...round].reverse(), ...round, ...[...round].reverse()]);
  });

  it("a member removed while the room is arriving is refused at once, on every page of that council", async () => {
    const world2 = world;
    const leaving = await signedIn(world2.member.email);
    const a = world2.a.workspace.id;
    expect((await leaving.get(`/w/${a}`)).status).toBe(200);
    const [viewer, owner] = await Promise.all([signedIn(world2.viewer.email), signedIn(world2.owner.email)]);
    const crowd = Array.from({ length: 12 }, (_, i) => (i % 2 ? viewer : owner).get(i % 3 ? `/w/${a}` : `/w/${a}/plan`));
    const membership = await db().membership.findFirstOrThrow({ where: { orgId: world2.a.org.id, userId: world2.member.id } });
    const removed = await owner.post(`/orgs/${world2.a.org.slug}/members`, { intent: "remove", membershipId: membership.id });
    expect(removed.status).toBeLessThan(400);
    // The very next requests, with the crowd's requests still in flight.
    const after = await Promise.all([leaving.get(`/w/${a}`), leaving.get(`/w/${a}/plan`), leaving.get(`/orgs/${world2.a.org.slug}/dashboard`), ...crowd]);
    expect(after.slice(0, 3).map((r) => r.status)).toEqual([404, 404, 404]);
    expect(after.slice(3).every((r) => r.status === 200)).toBe(true);
    const refusedPage = await (await leaving.get(`/w/${a}`)).text();
    expect(refusedPage).not.toContain(WEST);
  });

  it("a change made before someone arrives is on their page, even with the room's requests in flight", async () => {
    const [viewer, facilitator] = await Promise.all([signedIn(world.viewer.email), signedIn(world.facilitator.email)]);
    const a = world.a.workspace.id;
    const crowd = Array.from({ length: 10 }, () => viewer.get(`/w/${a}`));
    await relabel(world.a.org.id, "Being done in Westshire");
    const [page] = await Promise.all([facilitator.get(`/w/${a}`), ...crowd]);
    expect(await page!.text()).toContain("Being done in Westshire");
    // A status changed with the no-JavaScript form shows on the board the next request renders.
    const actionId = (await db().action.findFirstOrThrow({ where: { workspaceId: a } })).id;
    const crowd2 = Array.from({ length: 10 }, () => viewer.get(`/w/${a}`));
    expect((await facilitator.post(`/w/${a}?index`, { intent: "status", actionId, status: "blocked" })).status).toBe(303);
    const [after] = await Promise.all([facilitator.get(`/w/${a}`), ...crowd2]);
    const html = await after!.text();
    expect(html).toMatch(new RegExp(`<dt>Status</dt><dd>Blocked</dd>`));
    await relabel(world.a.org.id, WEST_LABEL);
  });
});
