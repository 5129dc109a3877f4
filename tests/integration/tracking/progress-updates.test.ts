// Progress updates as people actually send them: twice by accident, and then corrected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/domain/workspace";
import { db } from "~/models/db.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { location, Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";

let running: RunningApp;
let world: World;
let member: Visitor;
let owner: Visitor;
const ws = () => world.a.workspace.id;
const page = (id: string) => `/w/${ws()}/actions/${id}`;
const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, "");

beforeAll(async () => {
  running = await startTestApp();
  world = await createWorld();
  member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
  owner = await new Visitor(running.baseUrl).signIn(world.owner.email, PASSWORD);
  await running.collab.withDocument(
    ws(),
    (doc) => {
      createAction(doc, { id: "letters", title: "Plain-English budget letters", owner: "Member" });
      createAction(doc, { id: "buddies", title: "Peer support buddies", owner: "Member" });
    },
    { source: "server", actorId: null, actorName: "Set-up" },
  );
});
afterAll(async () => running.close());

async function formKey(visitor: Visitor, actionId: string): Promise<string> {
  const html = await (await visitor.get(page(actionId))).text();
  const key = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1];
  if (!key) throw new Error("the progress form carries no submission key");
  return key;
}

describe("saving a progress update", () => {
  it("records one update when the same form is submitted twice", async () => {
    const key = await formKey(member, "letters");
    const form = { intent: "add-update", submissionKey: key, note: "Draft letter tested with three families", status: "in-progress", rag: "keep", percent: "" };
    const [first, second] = await Promise.all([member.post(page("letters"), form), member.post(page("letters"), form)]);
    const third = await member.post(page("letters"), form);
    for (const response of [first, second, third]) {
      expect(response.status).toBe(302);
      expect(location(response)).toBe(`${page("letters")}?saved=1`);
    }
    expect(await db().progressUpdate.count({ where: { workspaceId: ws(), actionId: "letters" } })).toBe(1);
    expect(await db().actionEvent.count({ where: { workspaceId: ws(), actionId: "letters", field: "status" } })).toBeLessThanOrEqual(1);
    expect(await formKey(member, "letters")).not.toBe(key);
  });

  it("keeps what was typed, and the same key, when the update is refused", async () => {
    const key = await formKey(member, "buddies");
    const refused = await text(await member.post(page("buddies"), { intent: "add-update", submissionKey: key, note: "Five volunteers", status: "keep", rag: "keep", percent: "150" }));
    expect(refused).toContain("Enter a whole number from 0 to 100");
    expect(refused).toContain(`name="submissionKey" value="${key}"`);
    expect(refused).toMatch(/<textarea[^>]*>Five volunteers<\/textarea>/);
    expect(await db().progressUpdate.count({ where: { workspaceId: ws(), actionId: "buddies" } })).toBe(0);
  });
});

describe("correcting a progress update", () => {
  it("lets the author correct it for a day and keeps the earlier wording in the history", async () => {
    await member.post(page("buddies"), { intent: "add-update", submissionKey: await formKey(member, "buddies"), note: "Fiev volunteers found", status: "keep", rag: "keep", percent: "20" });
    const update = await db().progressUpdate.findFirstOrThrow({ where: { workspaceId: ws(), actionId: "buddies" } });
    const before = await text(await member.get(page("buddies")));
    expect(before).toContain("Correct this update");

    const corrected = await member.post(page("buddies"), { intent: "correct-update", updateId: update.id, note: "Five volunteers found", percent: "25" });
    expect(location(corrected)).toBe(`${page("buddies")}?corrected=1`);
    const after = await text(await member.get(`${page("buddies")}?corrected=1`));
    expect(after).toContain("Your correction has been saved.");
    expect(after).toContain("added a progress update (25% done):</strong> Five volunteers found");
    expect(after).toMatch(/Corrected on [^;]+; before that it said “Fiev volunteers found” \(20% done\) and now says “Five volunteers found”\./);
    expect(await db().progressUpdate.count({ where: { workspaceId: ws(), actionId: "buddies" } })).toBe(1);

    const plan = await (await member.get(`/w/${ws()}/plan.csv`)).text();
    expect(plan).toContain("Five volunteers found");
    expect(plan).not.toContain("Fiev");
  });

  it("refuses someone else's update, an empty correction and one older than a day, saying why", async () => {
    const update = await db().progressUpdate.findFirstOrThrow({ where: { workspaceId: ws(), actionId: "buddies" } });
    expect(await text(await owner.get(page("buddies")))).not.toContain("Correct this update");
    const notYours = await text(await owner.post(page("buddies"), { intent: "correct-update", updateId: update.id, note: "Rewritten by someone else", percent: "" }));
    expect(notYours).toContain("You can correct only your own progress updates.");

    const empty = await text(await member.post(page("buddies"), { intent: "correct-update", updateId: update.id, note: "  ", percent: "" }));
    expect(empty).toContain("Write what has happened, even briefly");

    await db().progressUpdate.update({ where: { id: update.id }, data: { at: new Date(Date.now() - 25 * 3_600_000) } });
    expect(await text(await member.get(page("buddies")))).not.toContain("Correct this update");
    const late = await text(await member.post(page("buddies"), { intent: "correct-update", updateId: update.id, note: "Six volunteers", percent: "" }));
    expect(late).toContain("Updates can be corrected for 24 hours after they are written. Add a new update instead.");
    expect((await db().progressUpdate.findUniqueOrThrow({ where: { id: update.id } })).note).toBe("Five volunteers found");
  });
});
